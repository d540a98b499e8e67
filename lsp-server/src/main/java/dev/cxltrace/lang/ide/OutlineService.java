package dev.cxltrace.lang.ide;

import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Span;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline of a document: its sections, nested by heading level ({@code ###} inside
 * {@code ##}), and the device line inside the section that holds it. Stateless.
 */
public final class OutlineService {

    public List<OutlineNode> outline(Analysis analysis, CancelToken cancel) {
        cancel.check();
        List<Sections.Section> sections = Sections.of(analysis);
        List<Builder> roots = new ArrayList<>();
        List<Builder> open = new ArrayList<>();   // the sections enclosing the current line, outermost first
        int next = 0;
        for (ParsedLine p : analysis.parsedLines()) {
            int line = p.number();
            while (!open.isEmpty() && open.get(open.size() - 1).lastLine < line) {
                open.remove(open.size() - 1);
            }
            Builder node = null;
            if (p.statement() instanceof Statement.Heading h && next < sections.size()) {
                Sections.Section s = sections.get(next++);
                String title = h.title().isEmpty() ? "(untitled section)" : h.title();
                node = new Builder(OutlineNode.Kind.SECTION, title, "#".repeat(h.level()), h.span(), s.lastLine(),
                        analysis.text(s.lastLine()).length());
            } else if (p.statement() instanceof Statement.Device d) {
                node = new Builder(OutlineNode.Kind.DEVICE, "device " + (d.profile() != null ? d.profile() : BuiltInProfiles.DEFAULT),
                        parameters(d), d.span(), line, d.span().end());
            }
            if (node == null) {
                continue;
            }
            (open.isEmpty() ? roots : open.get(open.size() - 1).children).add(node);
            if (node.kind == OutlineNode.Kind.SECTION) {
                open.add(node);
            }
        }
        List<OutlineNode> out = new ArrayList<>(roots.size());
        for (Builder b : roots) {
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    private static String parameters(Statement.Device d) {
        List<String> out = new ArrayList<>();
        for (Statement.Parameter p : d.parameters()) {
            out.add(p.name() + "=" + p.value());
        }
        return String.join(" ", out);
    }

    private static final class Builder {
        final OutlineNode.Kind kind;
        final String name;
        final String detail;
        final Span selection;
        final int lastLine;
        final int lastColumn;
        final List<Builder> children = new ArrayList<>();

        Builder(OutlineNode.Kind kind, String name, String detail, Span selection, int lastLine, int lastColumn) {
            this.kind = kind;
            this.name = name;
            this.detail = detail;
            this.selection = selection;
            this.lastLine = lastLine;
            this.lastColumn = lastColumn;
        }

        OutlineNode build() {
            List<OutlineNode> built = new ArrayList<>(children.size());
            for (Builder c : children) {
                built.add(c.build());
            }
            TextRange range = new TextRange(selection.line(), 0, lastLine, lastLine == selection.line()
                    ? Math.max(lastColumn, selection.end()) : lastColumn);
            return new OutlineNode(kind, name, detail, range, selection, List.copyOf(built));
        }
    }
}
