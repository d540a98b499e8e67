package dev.cxltrace.device.fsm;

import dev.cxltrace.device.catalog.HdmDecoderRegisters;

/**
 * FSM-DEC: decoder 0's COMMIT/COMMITTED handshake as the series' shadow runs it (REGISTERS.md
 * §5.2) [K passthrough.c, selftest hdm_decoder_commit_fsm]. A committed decoder honours only
 * COMMIT; writing COMMIT=0 uncommits it even when LOCK_ON_COMMIT was set (D6); a commit never
 * fails and checks nothing.
 */
public final class DecoderCommitFsm {
    private DecoderCommitFsm() {
    }

    private static final long COMMIT = HdmDecoderRegisters.COMMIT.mask();
    private static final long COMMITTED = HdmDecoderRegisters.COMMITTED.mask();
    private static final long LOCK_ON_COMMIT = HdmDecoderRegisters.LOCK_ON_COMMIT.mask();
    private static final long ERR_NOT_COMMITTED = HdmDecoderRegisters.ERR_NOT_COMMITTED.mask();

    /** The control value after writing {@code v} onto {@code c}. */
    public static long next(long c, long v) {
        if ((c & COMMITTED) != 0) {
            return (v & COMMIT) != 0 ? c | COMMIT : c & ~(COMMIT | COMMITTED | LOCK_ON_COMMIT);
        }
        return (v & COMMIT) != 0 ? (v | COMMITTED) & ~ERR_NOT_COMMITTED : v & ~(COMMITTED | ERR_NOT_COMMITTED);
    }

    /** Bits the write tried to change and that did not take (§5.2, last paragraph). */
    public static long refused(long c, long v, long next) {
        return (v ^ c) & (v ^ next);
    }

    /** Whether refused bits are reported as {@code W-FSM} (a committed decoder) rather than by attribute. */
    public static boolean committed(long c) {
        return (c & COMMITTED) != 0;
    }
}
