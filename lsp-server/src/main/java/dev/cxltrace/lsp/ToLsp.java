package dev.cxltrace.lsp;

import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.ide.Analysis;
import dev.cxltrace.lang.ide.CompletionEntry;
import dev.cxltrace.lang.ide.Completions;
import dev.cxltrace.lang.ide.FoldingInfo;
import dev.cxltrace.lang.ide.HoverInfo;
import dev.cxltrace.lang.ide.InlayHintInfo;
import dev.cxltrace.lang.ide.OutlineNode;
import dev.cxltrace.lang.ide.TextRange;
import dev.cxltrace.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

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

    public static Range range(TextRange r) {
        return new Range(new Position(Math.max(0, r.startLine() - 1), r.startColumn()),
                new Position(Math.max(0, r.endLine() - 1), r.endColumn()));
    }

    public static SymbolKind symbolKind(OutlineNode.Kind kind) {
        return switch (kind) {
            case SECTION -> SymbolKind.Namespace;
            case DEVICE -> SymbolKind.Object;
        };
    }

    public static DocumentSymbol documentSymbol(OutlineNode node) {
        List<DocumentSymbol> children = new ArrayList<>(node.children().size());
        for (OutlineNode c : node.children()) {
            children.add(documentSymbol(c));
        }
        DocumentSymbol out = new DocumentSymbol(node.name(), symbolKind(node.kind()), range(node.range()), range(node.selection()),
                node.detail().isEmpty() ? null : node.detail());
        out.setChildren(children);
        return out;
    }

    public static List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> documentSymbols(List<OutlineNode> nodes) {
        List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> out = new ArrayList<>(nodes.size());
        for (OutlineNode n : nodes) {
            out.add(Either.forRight(documentSymbol(n)));
        }
        return out;
    }

    public static FoldingRange foldingRange(FoldingInfo f) {
        FoldingRange out = new FoldingRange(f.startLine() - 1, f.endLine() - 1);
        out.setKind(switch (f.kind()) {
            case SECTION -> FoldingRangeKind.Region;
            case COMMENT -> FoldingRangeKind.Comment;
        });
        return out;
    }

    public static List<FoldingRange> foldingRanges(List<FoldingInfo> folds) {
        List<FoldingRange> out = new ArrayList<>(folds.size());
        for (FoldingInfo f : folds) {
            out.add(foldingRange(f));
        }
        return out;
    }

    public static InlayHint inlayHint(InlayHintInfo h) {
        InlayHint out = new InlayHint(new Position(h.line() - 1, h.column()), Either.forLeft(h.label()));
        out.setKind(InlayHintKind.Type);
        return out;
    }

    public static List<InlayHint> inlayHints(List<InlayHintInfo> hints) {
        List<InlayHint> out = new ArrayList<>(hints.size());
        for (InlayHintInfo h : hints) {
            out.add(inlayHint(h));
        }
        return out;
    }

    public static CompletionItemKind completionKind(CompletionEntry.Kind kind) {
        return switch (kind) {
            case KEYWORD -> CompletionItemKind.Keyword;
            case SPACE -> CompletionItemKind.Module;
            case REGISTER -> CompletionItemKind.Variable;
            case FIELD -> CompletionItemKind.Field;
            case TARGET -> CompletionItemKind.Reference;
            case PROFILE -> CompletionItemKind.Class;
            case PARAMETER -> CompletionItemKind.Property;
            case VALUE -> CompletionItemKind.Value;
            case ERRNO -> CompletionItemKind.Constant;
        };
    }

    /** A completion that replaces {@code replace}, the word being typed. */
    public static CompletionItem completionItem(CompletionEntry e, Span replace) {
        CompletionItem out = new CompletionItem(e.label());
        out.setKind(completionKind(e.kind()));
        out.setDetail(e.detail());
        out.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.documentation()));
        out.setTextEdit(Either.forLeft(new TextEdit(range(replace), e.insertText())));
        return out;
    }

    public static List<CompletionItem> completionItems(Completions completions) {
        List<CompletionItem> out = new ArrayList<>(completions.entries().size());
        for (CompletionEntry e : completions.entries()) {
            out.add(completionItem(e, completions.replace()));
        }
        return out;
    }
}
