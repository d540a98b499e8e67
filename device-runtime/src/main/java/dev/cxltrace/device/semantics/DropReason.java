package dev.cxltrace.device.semantics;

/**
 * Why bits of a write did not take. Each reason maps to one diagnostic code of REGISTERS.md §2.4;
 * the mapping lives in the language layer, the reason is decided here once.
 */
public enum DropReason {
    /** RO or HwInit bits that the write would have changed ({@code W-RO}). */
    READ_ONLY,
    /** RsvdP bits changed or RsvdZ bits written non-zero ({@code W-RSVD}). */
    RESERVED,
    /** A lock-gated (RWL) field with its gate closed ({@code W-LOCKED}). */
    LOCKED,
    /** An attempt to clear a latched write-once bit ({@code W-RWO}). */
    LATCHED,
    /** A committed decoder ignores everything but COMMIT ({@code W-FSM}). */
    DECODER_COMMITTED,
    /** DVSEC body bytes beyond the register that holds the first written byte ({@code W-SPAN}). */
    SPAN,
    /** Non-zero data written to an area the model does not implement ({@code W-UNMODELLED}). */
    UNMODELLED
}
