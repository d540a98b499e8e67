package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of a document (TRACE-LANGUAGE.md, lexical rules): each {@code ##…} heading opens a
 * section that runs to the line before the next heading of the same or a higher level (fewer or
 * as many {@code #}), or to the document's last line. Shared by the outline and folding.
 */
final class Sections {
    private Sections() {
    }

    /** A heading and the last line of its section (1-based, inclusive). */
    record Section(Statement.Heading heading, int lastLine) {
    }

    static List<Section> of(Analysis analysis) {
        List<Statement.Heading> headings = new ArrayList<>();
        for (ParsedLine p : analysis.parsedLines()) {
            if (p.statement() instanceof Statement.Heading h) {
                headings.add(h);
            }
        }
        int last = lastLine(analysis);
        List<Section> out = new ArrayList<>(headings.size());
        for (int i = 0; i < headings.size(); i++) {
            Statement.Heading h = headings.get(i);
            int end = last;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= h.level()) {
                    end = headings.get(j).span().line() - 1;
                    break;
                }
            }
            out.add(new Section(h, Math.max(end, h.span().line())));
        }
        return out;
    }

    /** The last line of the document; the empty "line" after a final newline does not count. */
    static int lastLine(Analysis analysis) {
        int n = analysis.lineCount();
        return n > 1 && analysis.text(n).isEmpty() ? n - 1 : n;
    }
}
