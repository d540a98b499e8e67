package dev.cxltrace.lsp;

import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.ide.Analysis;
import dev.cxltrace.lang.ide.HoverInfo;
import dev.cxltrace.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * Our types to LSP4J's, one static conversion per type (STYLE.md §1). Lines become 0-based; columns
 * are already 0-based UTF-16 indices, as LSP's default position encoding counts them.
 */
public final class ToLsp {
    /** The {@code source} of every diagnostic we publish. */
    public static final String SOURCE = "cxltrace";

    private ToLsp() {
    }

    public static Range range(Span span) {
        int line = Math.max(0, span.line() - 1);
        return new Range(new Position(line, span.start()), new Position(line, span.end()));
    }

    public static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
        };
    }

    /** A diagnostic of the document {@code uri}; an empty related span stands for its whole line, read from {@code analysis}. */
    public static Diagnostic diagnostic(dev.cxltrace.lang.diag.Diagnostic d, String uri, Analysis analysis) {
        Diagnostic out = new Diagnostic(range(d.span()), d.message(), severity(d.severity()), SOURCE, d.code().code());
        if (!d.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>(d.related().size());
            for (Related r : d.related()) {
                Span s = r.span();
                if (s.start() == s.end()) {
                    s = Span.wholeLine(s.line(), analysis.text(s.line()).length());
                }
                related.add(new DiagnosticRelatedInformation(new Location(uri, range(s)), r.message()));
            }
            out.setRelatedInformation(related);
        }
        return out;
    }

    public static PublishDiagnosticsParams publish(String uri, int version, List<dev.cxltrace.lang.diag.Diagnostic> diagnostics,
            Analysis analysis) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (dev.cxltrace.lang.diag.Diagnostic d : diagnostics) {
            out.add(diagnostic(d, uri, analysis));
        }
        return new PublishDiagnosticsParams(uri, out, version);
    }

    public static Hover hover(HoverInfo info) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, info.markdown()), range(info.span()));
    }
}
