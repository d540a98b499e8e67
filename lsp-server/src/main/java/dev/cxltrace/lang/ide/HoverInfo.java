package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.syntax.Span;

/** What a hover shows: the range of the word under the cursor and Markdown about it. */
public record HoverInfo(Span span, String markdown) {
}
