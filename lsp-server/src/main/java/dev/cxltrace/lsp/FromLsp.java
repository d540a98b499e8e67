package dev.cxltrace.lsp;

import dev.cxltrace.lang.ide.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

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

    /** The first line (1-based) a range touches. */
    public static int firstLine(Range r) {
        return r.getStart().getLine() + 1;
    }

    /** The last line (1-based) a range touches: its end line, or the line before when it ends at column 0. */
    public static int lastLine(Range r) {
        int end = r.getEnd().getLine();
        return (r.getEnd().getCharacter() == 0 && end > r.getStart().getLine() ? end - 1 : end) + 1;
    }

    /** Our range (1-based lines, 0-based UTF-16 columns) of an LSP range. */
    public static TextRange textRange(Range r) {
        return new TextRange(line(r.getStart()), column(r.getStart()), line(r.getEnd()), column(r.getEnd()));
    }

    /** The arguments of {@code cxltrace.run}: the document's URI and the last line to run (0-based in LSP, 1-based here). */
    public record RunTo(String uri, int lastLine) {
    }

    /** {@code [uri, line]} as a code lens sent them (Gson trees through JSON-RPC, or plain objects in process); empty when malformed. */
    public static java.util.Optional<RunTo> runTo(List<Object> arguments) {
        if (arguments == null || arguments.size() < 2) {
            return java.util.Optional.empty();
        }
        Object uri = arguments.get(0);
        Object line = arguments.get(1);
        String u = uri instanceof com.google.gson.JsonPrimitive p && p.isString() ? p.getAsString() : uri instanceof String s ? s : null;
        Integer l = line instanceof com.google.gson.JsonPrimitive p && p.isNumber() ? Integer.valueOf(p.getAsInt())
                : line instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        return u == null || l == null ? java.util.Optional.empty() : java.util.Optional.of(new RunTo(u, l + 1));
    }

    /** An editor's change: a range replaced, or (without a range) the whole text. */
    public static DocumentStore.Change change(TextDocumentContentChangeEvent e) {
        return new DocumentStore.Change(e.getRange() == null ? null : textRange(e.getRange()), e.getText());
    }

    public static List<DocumentStore.Change> changes(List<TextDocumentContentChangeEvent> events) {
        List<DocumentStore.Change> out = new ArrayList<>(events.size());
        for (TextDocumentContentChangeEvent e : events) {
            out.add(change(e));
        }
        return out;
    }
}
