package dev.cxltrace.lang.ide;

/** A range of whole lines an editor can fold (1-based, inclusive): a section or a run of comment lines. */
public record FoldingInfo(int startLine, int endLine, Kind kind) {

    public enum Kind {
        SECTION,
        COMMENT
    }
}
