package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.syntax.Span;
import java.util.List;

/** The completions at a position, and the word they replace (empty when the cursor is not in a word). */
public record Completions(Span replace, List<CompletionEntry> entries) {

    public static Completions none(int line, int column) {
        return new Completions(new Span(line, column, column), List.of());
    }
}
