package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.Gate;
import java.util.Optional;

/**
 * A register bit attribute and its write algebra, one row each of REGISTERS.md §2.1. All methods
 * work on whole masks: {@code old}, the written data {@code w} and the byte enables {@code be}
 * are aligned to the register, and callers restrict the result to the bits that carry this
 * attribute.
 */
public sealed interface Attribute permits Attribute.Basic, Attribute.Locked {

    /** The new value of the bits, given whether the attribute's gate (if any) is closed. */
    long apply(long old, long w, long be, boolean gateClosed);

    /** The bits whose change the write wanted but the attribute refused. */
    long dropped(long old, long w, long be, boolean gateClosed);

    /** Why {@link #dropped} bits did not take. */
    DropReason reason();

    /** The spelling of REGISTERS.md, for messages and hovers. */
    String label();

    /** The gate that locks this attribute, for RWL. */
    default Optional<Gate> gate() {
        return Optional.empty();
    }

    /** What the attribute means, in one sentence for hovers. */
    String meaning();

    /** The attributes without a gate. */
    enum Basic implements Attribute {
        RO("RO", DropReason.READ_ONLY, "read-only; writes are ignored"),
        HW_INIT("HwInit", DropReason.READ_ONLY, "set by hardware or firmware at initialisation; read-only to software"),
        RSVD_P("RsvdP", DropReason.RESERVED, "reserved and preserved: software must write back the value it read"),
        RSVD_Z("RsvdZ", DropReason.RESERVED, "reserved, reads 0: software must write 0"),
        RW("RW", DropReason.READ_ONLY, "read-write"),
        RWO("RWO", DropReason.LATCHED, "write-once: a written 1 latches until the device is re-created"),
        RW1C("RW1C", DropReason.READ_ONLY, "status: writing 1 clears the bit, writing 0 has no effect"),
        RWA("RW (action)", DropReason.READ_ONLY, "action bit: a written 1 starts the action, reads return 0"),
        UNMODELLED("RO (unmodelled)", DropReason.UNMODELLED, "not modelled: reads 0, non-zero writes are ignored");

        private final String label;
        private final DropReason reason;
        private final String meaning;

        Basic(String label, DropReason reason, String meaning) {
            this.label = label;
            this.reason = reason;
            this.meaning = meaning;
        }

        @Override
        public long apply(long old, long w, long be, boolean gateClosed) {
            return switch (this) {
                case RO, HW_INIT, RSVD_P, RSVD_Z, UNMODELLED -> old;
                case RW -> (old & ~be) | (w & be);
                case RWO -> old | (w & be);
                case RW1C -> old & ~(w & be);
                case RWA -> 0;
            };
        }

        @Override
        public long dropped(long old, long w, long be, boolean gateClosed) {
            return switch (this) {
                case RO, HW_INIT, RSVD_P -> be & (w ^ old);
                case RSVD_Z, UNMODELLED -> be & w;
                case RWO -> old & be & ~w;
                case RW, RW1C, RWA -> 0;
            };
        }

        @Override
        public DropReason reason() {
            return reason;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    /** RWL: read-write while its gate is open, read-only while it is closed. */
    record Locked(Gate lock) implements Attribute {
        @Override
        public long apply(long old, long w, long be, boolean gateClosed) {
            return gateClosed ? old : (old & ~be) | (w & be);
        }

        @Override
        public long dropped(long old, long w, long be, boolean gateClosed) {
            return gateClosed ? be & (w ^ old) : 0;
        }

        @Override
        public DropReason reason() {
            return DropReason.LOCKED;
        }

        @Override
        public String label() {
            return "RWL(" + lock.name() + ")";
        }

        @Override
        public Optional<Gate> gate() {
            return Optional.of(lock);
        }

        @Override
        public String meaning() {
            return "read-write until " + lock.name() + " is set, then read-only";
        }
    }

    Attribute RO = Basic.RO;
    Attribute HW_INIT = Basic.HW_INIT;
    Attribute RSVD_P = Basic.RSVD_P;
    Attribute RSVD_Z = Basic.RSVD_Z;
    Attribute RW = Basic.RW;
    Attribute RWO = Basic.RWO;
    Attribute RW1C = Basic.RW1C;
    Attribute RWA = Basic.RWA;
    Attribute UNMODELLED = Basic.UNMODELLED;

    static Attribute rwl(Gate gate) {
        return new Locked(gate);
    }
}
