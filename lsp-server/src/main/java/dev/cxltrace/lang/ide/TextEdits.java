package dev.cxltrace.lang.ide;

/**
 * Applies an editor's change to a document's text. Positions are those of {@link TextRange}:
 * 1-based lines, 0-based columns counting UTF-16 code units (Java's {@code char}s, as LSP counts
 * them by default). Lines end at {@code \n}, {@code \r\n} or {@code \r}. A column past the end of
 * its line means the line's end, and a line past the last means the end of the text, as LSP asks.
 */
public final class TextEdits {
    private TextEdits() {
    }

    /** {@code text} with {@code range} replaced by {@code replacement}. */
    public static String apply(String text, TextRange range, String replacement) {
        int start = offset(text, range.startLine(), range.startColumn());
        int end = Math.max(start, offset(text, range.endLine(), range.endColumn()));
        return new StringBuilder(text.length() - (end - start) + replacement.length())
                .append(text, 0, start).append(replacement).append(text, end, text.length()).toString();
    }

    /** The index into {@code text} of a line (1-based) and column, clamped to the line and to the text. */
    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int next = lineEnd(text, at);
            if (next == text.length()) {
                return text.length();
            }
            at = next + (text.charAt(next) == '\r' && next + 1 < text.length() && text.charAt(next + 1) == '\n' ? 2 : 1);
        }
        return Math.min(at + Math.max(0, column), lineEnd(text, at));
    }

    /** The index of the line break ending the line that starts at {@code from}, or the text's length. */
    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
