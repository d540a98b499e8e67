package dev.cxltrace.lang.syntax;

/**
 * A range on one line of a trace: {@code line} is 1-based, {@code start} and {@code end} are
 * 0-based character indices into the line (end exclusive). Faces convert to their own positions
 * (the command line prints {@code start + 1}).
 */
public record Span(int line, int start, int end) {

    /** The whole line of {@code length} characters (at least one column, so an empty line can be marked). */
    public static Span wholeLine(int line, int length) {
        return new Span(line, 0, Math.max(length, 0));
    }

    public Span to(Span other) {
        return new Span(line, Math.min(start, other.start), Math.max(end, other.end));
    }

    public boolean contains(int column) {
        return column >= start && column <= end;
    }
}
