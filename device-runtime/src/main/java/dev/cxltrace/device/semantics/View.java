package dev.cxltrace.device.semantics;

/** Which attribute column of REGISTERS.md a write executes (§2). */
public enum View {
    /** What the passthrough's shadow does: a CXL-bound device, and vfio's config space everywhere. */
    EXEC,
    /** What the CXL and PCIe specifications define: the bare hardware of a plain device (§5.8). */
    SPEC
}
