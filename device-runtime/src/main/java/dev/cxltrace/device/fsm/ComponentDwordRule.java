package dev.cxltrace.device.fsm;

import dev.cxltrace.device.catalog.RegisterCatalog;

/**
 * The COMP_REGS region answers only whole dwords at dword offsets, inside its 64K (REGISTERS.md
 * §5.5) [K comp_regs_rw]; a 64-bit access is two dword accesses, low dword first.
 */
public final class ComponentDwordRule {
    private ComponentDwordRule() {
    }

    /** Whether an access of {@code bytes} at {@code offset} passes the rule (else EINVAL). */
    public static boolean accepts(long offset, int bytes) {
        return offset % 4 == 0 && bytes % 4 == 0 && bytes > 0
                && Long.compareUnsigned(offset, RegisterCatalog.COMP_SIZE) < 0
                && bytes <= RegisterCatalog.COMP_SIZE - offset;
    }
}
