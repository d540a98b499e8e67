package dev.cxltrace.lang.ide;

/**
 * One completion: what the list shows ({@code label}, {@code detail}), Markdown about it, and
 * the text that replaces the word being typed.
 */
public record CompletionEntry(String label, Kind kind, String detail, String documentation, String insertText) {

    public enum Kind {
        KEYWORD,
        SPACE,
        REGISTER,
        FIELD,
        TARGET,
        PROFILE,
        PARAMETER,
        VALUE,
        ERRNO
    }
}
