package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.LineOutcome;
import java.util.ArrayList;
import java.util.List;

/** Every diagnostic of an analysed document, in line order: the syntax errors and what the run found. */
public final class DiagnosticsService {

    public List<Diagnostic> diagnostics(Analysis analysis) {
        List<Diagnostic> out = new ArrayList<>();
        for (LineOutcome o : analysis.outcomes()) {
            out.addAll(o.diagnostics());
        }
        return List.copyOf(out);
    }
}
