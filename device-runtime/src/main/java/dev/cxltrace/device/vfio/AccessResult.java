package dev.cxltrace.device.vfio;

import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.List;

/**
 * What one access did: the errno it failed with (null when it succeeded), the value a read
 * returned, and for a write one outcome per register or unassigned area it reached.
 */
public record AccessResult(Errno errno, long value, List<WriteOutcome> outcomes) {

    // Results that carry nothing but an errno, a write that reached no register, and a read of 0
    // (unwritten memory, clear registers) are shared: the record is immutable, and the device
    // answers tens of millions of accesses a second (docs/PERFORMANCE.md).
    private static final AccessResult[] FAILED = new AccessResult[Errno.values().length];
    /** Success with value 0 and no outcomes. */
    static final AccessResult WRITTEN = new AccessResult(null, 0, List.of());

    static {
        for (Errno e : Errno.values()) {
            FAILED[e.ordinal()] = new AccessResult(e, 0, List.of());
        }
    }

    static AccessResult failed(Errno errno) {
        return FAILED[errno.ordinal()];
    }

    static AccessResult read(long value) {
        return value == 0 ? WRITTEN : new AccessResult(null, value, List.of());
    }

    public boolean ok() {
        return errno == null;
    }
}
