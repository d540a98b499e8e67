package dev.cxltrace.lang.ide;

/**
 * A range that may span lines (a {@link dev.cxltrace.lang.syntax.Span} holds one line): lines are
 * 1-based, columns 0-based, the end column exclusive.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {
}
