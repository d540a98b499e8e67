package dev.cxltrace.device.catalog;

/** Whether the passthrough keeps a guest-visible shadow apart from the host's register (§1.3). */
public enum Copies {
    /** One copy: {@code host.X} is {@code X}. */
    SINGLE,
    /** A host copy that firmware committed, and a shadow the guest reaches while {@code cxl=on}. */
    HOST_AND_SHADOW
}
