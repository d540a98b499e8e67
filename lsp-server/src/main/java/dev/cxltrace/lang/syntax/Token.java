package dev.cxltrace.lang.syntax;

/** One token of a line: its kind, its text and where it is (0-based columns, end exclusive). */
public record Token(TokenKind kind, String text, int start, int end) {
    public Span span(int line) {
        return new Span(line, start, end);
    }
}
