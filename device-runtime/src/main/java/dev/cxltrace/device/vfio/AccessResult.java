package dev.cxltrace.device.vfio;

import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.List;

/**
 * What one access did: the errno it failed with (null when it succeeded), the value a read
 * returned, and for a write one outcome per register or unassigned area it reached.
 */
public record AccessResult(Errno errno, long value, List<WriteOutcome> outcomes) {

    static AccessResult failed(Errno errno) {
        return new AccessResult(errno, 0, List.of());
    }

    static AccessResult read(long value) {
        return new AccessResult(null, value, List.of());
    }

    public boolean ok() {
        return errno == null;
    }
}
