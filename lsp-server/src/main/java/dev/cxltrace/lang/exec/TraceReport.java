package dev.cxltrace.lang.exec;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.Severity;
import java.util.List;

/**
 * What checking one trace found: its diagnostics in line order, its section headings and its
 * expectations (for reports that count test cases), and how many lines it had. The outcomes
 * themselves are not kept, so a check runs in memory that does not grow with the trace.
 */
public record TraceReport(List<Diagnostic> diagnostics, List<Section> sections, List<ExpectationLine> expectations, int lines) {

    /** A {@code ##} heading. */
    public record Section(int line, int level, String title) {
    }

    /** A line that asserts something: an {@code expect}, or a read with {@code = EXPECTED}. */
    public record ExpectationLine(int line, String text, boolean passed) {
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
