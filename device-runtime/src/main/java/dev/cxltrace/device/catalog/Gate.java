package dev.cxltrace.device.catalog;

import java.util.List;

/**
 * The locks that close RWL fields (REGISTERS.md §2.2). A gate is evaluated from the shadow
 * registers at the moment of each write, so it follows every change of its source fields.
 */
public enum Gate {
    /** DVSEC CONFIG_LOCK, the shadow bit [S 8.1.3.6] (model choice D7: not the series' flag). */
    CONFIG_LOCK("DVSEC CONFIG_LOCK is 1") {
        @Override
        public boolean closed(RegisterValues v) {
            return v.field(DvsecRegisters.CONFIG_LOCK, DvsecRegisters.LOCK) == 1;
        }

        @Override
        public FieldDef cause(RegisterValues v) {
            return DvsecRegisters.CONFIG_LOCK;
        }
    },
    /** What the series locks decoder 0's base and size on: COMMITTED or LOCK_ON_COMMIT [K]. */
    DEC0_LOCKED("decoder 0 is committed or LOCK_ON_COMMIT is 1") {
        @Override
        public boolean closed(RegisterValues v) {
            return committed(v) || lockOnCommit(v);
        }

        @Override
        public FieldDef cause(RegisterValues v) {
            return lockOnCommit(v) ? HdmDecoderRegisters.LOCK_ON_COMMIT : HdmDecoderRegisters.COMMITTED;
        }
    },
    /** What the specification locks decoder 0 on: COMMITTED and LOCK_ON_COMMIT [S 8.2.4.20.13]. */
    DEC0_SPEC("decoder 0 is committed with LOCK_ON_COMMIT set") {
        @Override
        public boolean closed(RegisterValues v) {
            return committed(v) && lockOnCommit(v);
        }

        @Override
        public FieldDef cause(RegisterValues v) {
            return HdmDecoderRegisters.LOCK_ON_COMMIT;
        }
    };

    private final String condition;

    Gate(String condition) {
        this.condition = condition;
    }

    /** Whether fields gated by this lock are read-only now. */
    public abstract boolean closed(RegisterValues v);

    /** The field whose value closes the gate, to name it and its setter in a warning. */
    public abstract FieldDef cause(RegisterValues v);

    /** When the gate is closed, in words. */
    public String condition() {
        return condition;
    }

    /** The fields whose setters the device must remember, to name them when a gate drops a write. */
    public static List<FieldRef> sources() {
        return List.of(new FieldRef(DvsecRegisters.LOCK, DvsecRegisters.CONFIG_LOCK),
                new FieldRef(HdmDecoderRegisters.CTRL, HdmDecoderRegisters.LOCK_ON_COMMIT),
                new FieldRef(HdmDecoderRegisters.CTRL, HdmDecoderRegisters.COMMITTED));
    }

    private static boolean committed(RegisterValues v) {
        return v.field(HdmDecoderRegisters.COMMITTED, HdmDecoderRegisters.CTRL) == 1;
    }

    private static boolean lockOnCommit(RegisterValues v) {
        return v.field(HdmDecoderRegisters.LOCK_ON_COMMIT, HdmDecoderRegisters.CTRL) == 1;
    }
}
