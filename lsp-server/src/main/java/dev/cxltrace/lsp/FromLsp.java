package dev.cxltrace.lsp;

import org.eclipse.lsp4j.Position;

/** LSP4J's types to ours, one static conversion per type (STYLE.md §1). */
public final class FromLsp {
    private FromLsp() {
    }

    /** Our 1-based line of an LSP position. */
    public static int line(Position p) {
        return p.getLine() + 1;
    }

    /** Our 0-based column of an LSP position (both count UTF-16 code units). */
    public static int column(Position p) {
        return p.getCharacter();
    }
}
