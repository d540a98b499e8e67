package dev.cxltrace.lang.ide;

/** A note the editor shows inside a line: at 1-based {@code line}, 0-based {@code column}. */
public record InlayHintInfo(int line, int column, String label) {
}
