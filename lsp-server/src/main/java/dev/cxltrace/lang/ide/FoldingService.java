package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Folding ranges: each section, from its heading to the line before the next heading of the same
 * or a higher level (or the last line), and each run of two or more comment lines. A section
 * heading is not a comment. Stateless.
 */
public final class FoldingService {

    public List<FoldingInfo> folding(Analysis analysis, CancelToken cancel) {
        cancel.check();
        List<FoldingInfo> out = new ArrayList<>();
        for (Sections.Section s : Sections.of(analysis)) {
            int start = s.heading().span().line();
            if (s.lastLine() > start) {
                out.add(new FoldingInfo(start, s.lastLine(), FoldingInfo.Kind.SECTION));
            }
        }
        int runStart = 0;
        for (int line = 1; line <= analysis.lineCount() + 1; line++) {
            boolean comment = line <= analysis.lineCount() && isComment(analysis, line);
            if (comment && runStart == 0) {
                runStart = line;
            } else if (!comment && runStart != 0) {
                if (line - 1 > runStart) {
                    out.add(new FoldingInfo(runStart, line - 1, FoldingInfo.Kind.COMMENT));
                }
                runStart = 0;
            }
        }
        out.sort((a, b) -> a.startLine() != b.startLine() ? Integer.compare(a.startLine(), b.startLine())
                : Integer.compare(b.endLine(), a.endLine()));
        return List.copyOf(out);
    }

    private static boolean isComment(Analysis analysis, int line) {
        String text = analysis.text(line).stripLeading();
        return text.startsWith("#") && !(analysis.parsed(line).orElseThrow().statement() instanceof Statement.Heading);
    }
}
