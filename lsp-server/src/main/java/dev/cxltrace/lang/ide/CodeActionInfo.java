package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.diag.Diagnostic;
import java.util.List;

/**
 * A change the editor may offer on a line: a title, whether it fixes {@code diagnostic} (null
 * for a rewrite that fixes nothing), and the edits of the document that make it.
 */
public record CodeActionInfo(String title, Kind kind, Diagnostic diagnostic, List<TextEditInfo> edits) {

    public enum Kind {
        QUICK_FIX,
        REWRITE
    }
}
