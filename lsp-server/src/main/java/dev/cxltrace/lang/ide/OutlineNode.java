package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.syntax.Span;
import java.util.List;

/**
 * One entry of the outline: a section (its heading's title, the whole section as {@code range})
 * or the device line. {@code selection} is the heading or statement itself.
 */
public record OutlineNode(Kind kind, String name, String detail, TextRange range, Span selection, List<OutlineNode> children) {

    public enum Kind {
        SECTION,
        DEVICE
    }
}
