package dev.cxltrace.lang.ide;

/**
 * A document written with one {@code |} where the cursor is (LemMinX's XMLAssert style): the text
 * without the marker, and the marker's 1-based line and 0-based column.
 */
record Cursor(String text, int line, int column) {

    static Cursor of(String marked) {
        int at = marked.indexOf('|');
        if (at < 0 || marked.indexOf('|', at + 1) >= 0) {
            throw new IllegalArgumentException("mark the cursor with exactly one |");
        }
        String before = marked.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - (before.lastIndexOf('\n') + 1);
        return new Cursor(before + marked.substring(at + 1), line, column);
    }
}
