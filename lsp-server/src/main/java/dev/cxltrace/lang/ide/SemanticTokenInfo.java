package dev.cxltrace.lang.ide;

/**
 * One classified token: 1-based line, 0-based start column, length in UTF-16 units, and what the
 * token is in the language. A face maps the kinds to its own legend.
 */
public record SemanticTokenInfo(int line, int start, int length, Kind kind) {

    public enum Kind {
        /** {@code device}, {@code expect}. */
        KEYWORD,
        /** An access's op: {@code r8} … {@code w64}. */
        OP,
        /** {@code cfg}, {@code comp}, {@code hdm}, {@code barN}. */
        SPACE,
        /** A register path or an {@code expect} target. */
        REGISTER,
        /** A field name inside {@code {}}. */
        FIELD,
        /** A parameter name on the {@code device} line. */
        PARAMETER,
        NUMBER,
        ERRNO,
        COMMENT,
        /** A section heading, whole. */
        HEADING
    }
}
