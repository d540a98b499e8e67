package dev.cxltrace.device.fsm;

import dev.cxltrace.device.catalog.HdmDecoderRegisters;

/**
 * FSM-H: decoder 0 as the hardware runs it on a plain device (REGISTERS.md §5.3, model choice
 * after [S 8.2.4.20.7, .13]). While LOCK_ON_COMMIT and COMMITTED are both set nothing changes;
 * otherwise the RWL fields take the written value and COMMIT drives COMMITTED.
 */
public final class DecoderHardwareFsm {
    private DecoderHardwareFsm() {
    }

    private static final long COMMIT = HdmDecoderRegisters.COMMIT.mask();
    private static final long COMMITTED = HdmDecoderRegisters.COMMITTED.mask();
    private static final long LOCK_ON_COMMIT = HdmDecoderRegisters.LOCK_ON_COMMIT.mask();
    private static final long ERR_NOT_COMMITTED = HdmDecoderRegisters.ERR_NOT_COMMITTED.mask();

    /** Whether the decoder is locked: LOCK_ON_COMMIT and COMMITTED. */
    public static boolean locked(long c) {
        return (c & LOCK_ON_COMMIT) != 0 && (c & COMMITTED) != 0;
    }

    /** The control value after writing {@code v} onto {@code c}; {@code writable} are the RWL bits. */
    public static long next(long c, long v, long writable) {
        if (locked(c)) {
            return c;
        }
        long n = (c & ~writable) | (v & writable);
        return (v & COMMIT) != 0 ? (n | COMMITTED) & ~ERR_NOT_COMMITTED : n & ~COMMITTED;
    }
}
