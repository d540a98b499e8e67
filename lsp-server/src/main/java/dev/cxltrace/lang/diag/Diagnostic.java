package dev.cxltrace.lang.diag;

import dev.cxltrace.lang.syntax.Span;
import java.util.List;

/** A finding on one line: where, how serious, its stable code, the message, and related places. */
public record Diagnostic(Span span, Severity severity, DiagnosticCode code, String message, List<Related> related) {
    /** Longer messages are cut: one that quotes a line of megabytes must not carry it to the editor. */
    private static final int MAX_MESSAGE = 4000;

    public Diagnostic {
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
    }

    public static Diagnostic of(Span span, DiagnosticCode code, String message) {
        return new Diagnostic(span, code.severity(), code, message, List.of());
    }

    public static Diagnostic of(Span span, DiagnosticCode code, String message, List<Related> related) {
        return new Diagnostic(span, code.severity(), code, message, related);
    }

    public int line() {
        return span.line();
    }

    /** The same finding on another line, at the same columns (for a statement parsed once and seen again). */
    public Diagnostic atLine(int line) {
        return line == span.line() ? this
                : new Diagnostic(new Span(line, span.start(), span.end()), severity, code, message, related);
    }
}
