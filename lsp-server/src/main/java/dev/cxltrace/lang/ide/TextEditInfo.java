package dev.cxltrace.lang.ide;

/** A replacement of {@code range} of a document by {@code newText}. */
public record TextEditInfo(TextRange range, String newText) {

    /** Line {@code line} (1-based), whole, replaced by {@code newText}. */
    public static TextEditInfo line(int line, int length, String newText) {
        return new TextEditInfo(new TextRange(line, 0, line, length), newText);
    }
}
