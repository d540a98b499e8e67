package dev.cxltrace.cli.report;

import dev.cxltrace.lang.syntax.Span;

/**
 * How every report turns a {@link Span} (0-based, end-exclusive character indices) into the
 * 1-based columns that compilers, SARIF and GitHub use.
 */
final class Columns {
    private Columns() {
    }

    /** The first character, 1-based. */
    static int start(Span s) {
        return s.start() + 1;
    }

    /** One past the last character, 1-based (SARIF's {@code endColumn}). */
    static int endExclusive(Span s) {
        return s.end() + 1;
    }

    /** The last character, 1-based (GitHub's {@code endColumn}). */
    static int endInclusive(Span s) {
        return s.end();
    }

    /** Whether the span marks characters, rather than a whole line or a point. */
    static boolean hasRange(Span s) {
        return s.end() > s.start();
    }
}
