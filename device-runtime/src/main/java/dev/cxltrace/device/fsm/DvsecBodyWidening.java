package dev.cxltrace.device.fsm;

import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.semantics.Attribute;

/**
 * How the series writes a chunk that lands in the DVSEC body (REGISTERS.md §2.3) [K]: the chunk
 * goes to the one register that holds its first byte, that register's other bytes are filled
 * from the shadow, and the register's Exec attribute applies with every byte enabled. Bytes of
 * the chunk past that register are dropped.
 */
public final class DvsecBodyWidening {
    private DvsecBodyWidening() {
    }

    /** The chunk's bytes inside {@code target}, merged with the shadow value {@code old}. */
    public static long widen(RegisterDef target, long old, long chunkOffset, int bytes, long data) {
        int shift = (int) (8 * (chunkOffset - target.offset()));
        int inside = (int) Math.min(bytes, target.end() - chunkOffset);
        long covered = byteMask(inside) << shift;
        return (old & ~covered) | ((data << shift) & covered);
    }

    /**
     * The bits of a register past the target that the chunk would have changed, reported as
     * {@code W-SPAN}: bits that differ from the register's value, or, for a register the series
     * clears by writing 1s, any 1.
     */
    public static long spanned(Attribute execWhole, long old, long w, long be) {
        return execWhole == Attribute.RW1C ? w & be : (w ^ old) & be;
    }

    public static long byteMask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }
}
