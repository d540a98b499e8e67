package dev.cxltrace.cli.report;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.Severity;
import java.io.PrintWriter;

/**
 * GitHub Actions workflow commands, one per diagnostic, which the run shows as annotations on the
 * trace's lines: {@code ::warning file=F,line=L,col=C,endColumn=E,title=CODE::MESSAGE}. Notes
 * become {@code ::notice}. {@code endColumn} is GitHub's, 1-based and inclusive. The summary line
 * follows as plain log text.
 */
public final class GithubAnnotationsReport implements ReportWriter {

    @Override
    public void write(CheckResult result, PrintWriter out) {
        for (TraceResult t : result.traces()) {
            for (Diagnostic d : t.report().diagnostics()) {
                out.print(annotation(t.path(), d));
                out.print('\n');
            }
        }
        for (Unreadable u : result.unreadable()) {
            out.print("::error file=" + property(u.path()) + ",title=cxltrace::" + data(u.message()));
            out.print('\n');
        }
        out.print(result.summary());
        out.print('\n');
    }

    static String annotation(String path, Diagnostic d) {
        StringBuilder b = new StringBuilder("::").append(command(d.severity()));
        b.append(" file=").append(property(path)).append(",line=").append(d.line());
        if (Columns.hasRange(d.span())) {
            b.append(",col=").append(Columns.start(d.span())).append(",endColumn=").append(Columns.endInclusive(d.span()));
        }
        b.append(",title=").append(property(d.code().code()));
        b.append("::").append(data(d.message()));
        return b.toString();
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION -> "notice";
        };
    }

    /** GitHub's escaping of a command's message: {@code %}, CR and LF. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a property value: as {@link #data}, and {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
