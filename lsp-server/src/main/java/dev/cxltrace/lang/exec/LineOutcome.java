package dev.cxltrace.lang.exec;

import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.resolve.ResolvedAccess;
import dev.cxltrace.lang.syntax.Statement;
import java.util.List;

/**
 * What one line did: its statement, the resolved access and the device's answer (the value read,
 * the bits changed and dropped, the errno), the expectation's result, and the line's diagnostics.
 * Fields are null where the line has no such part.
 */
public record LineOutcome(
        int line,
        Statement statement,
        ResolvedAccess access,
        AccessResult result,
        Expectation expectation,
        List<Diagnostic> diagnostics) {

    /** The result of an {@code expect} or of a read's {@code = EXPECTED}. */
    public record Expectation(boolean passed, long actual, String description) {
    }

    public boolean isExpectation() {
        return expectation != null;
    }
}
