package dev.cxltrace.cli.report;

import dev.cxltrace.lang.diag.Diagnostic;
import java.io.PrintWriter;

/**
 * What a compiler prints: one line per diagnostic, {@code FILE:LINE:COL: SEVERITY: MESSAGE [CODE]},
 * traces in path order and diagnostics in line order, then the summary line. Related locations are
 * left out: the message already names the line it points to (STYLE.md §6).
 */
public final class TextReport implements ReportWriter {

    @Override
    public void write(CheckResult result, PrintWriter out) {
        for (TraceResult t : result.traces()) {
            for (Diagnostic d : t.report().diagnostics()) {
                out.print(line(t.path(), d));
                out.print('\n');
            }
        }
        out.print(result.summary());
        out.print('\n');
    }

    /** {@code traces/a.cxltrace:12:5: warning: dvsec.control.MEM_ENABLE not written: ... [W-LOCKED]}. */
    public static String line(String path, Diagnostic d) {
        return path + ":" + d.line() + ":" + Columns.start(d.span()) + ": " + d.severity().label() + ": " + d.message()
                + " [" + d.code().code() + "]";
    }
}
