package dev.cxltrace.lang.diag;

import dev.cxltrace.lang.syntax.Span;

/** Another place a diagnostic points at, such as the line that set a lock. */
public record Related(Span span, String message) {
}
