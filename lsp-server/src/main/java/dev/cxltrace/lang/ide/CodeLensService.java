package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.exec.CancelToken;
import java.util.ArrayList;
import java.util.List;

/** One "Run to here" lens on each section heading: it runs the trace to the section's last line. */
public final class CodeLensService {
    /** The command a lens runs: the transcript of the document up to a line ({@link TranscriptService}). */
    public static final String RUN = "cxltrace.run";

    public List<CodeLensInfo> lenses(Analysis analysis, CancelToken cancel) {
        List<CodeLensInfo> out = new ArrayList<>();
        for (Sections.Section s : Sections.of(analysis)) {
            cancel.check();
            out.add(new CodeLensInfo(s.heading().span().line(), "Run to here", RUN, s.lastLine()));
        }
        return List.copyOf(out);
    }
}
