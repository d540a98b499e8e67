package dev.cxltrace.lsp;

import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.ide.Analysis;
import dev.cxltrace.lang.ide.CodeActionInfo;
import dev.cxltrace.lang.ide.CodeLensInfo;
import dev.cxltrace.lang.ide.CompletionEntry;
import dev.cxltrace.lang.ide.Completions;
import dev.cxltrace.lang.ide.FoldingInfo;
import dev.cxltrace.lang.ide.HoverInfo;
import dev.cxltrace.lang.ide.InlayHintInfo;
import dev.cxltrace.lang.ide.OutlineNode;
import dev.cxltrace.lang.ide.SemanticTokenInfo;
import dev.cxltrace.lang.ide.TextEditInfo;
import dev.cxltrace.lang.ide.TextRange;
import dev.cxltrace.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.WorkspaceEdit;
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

    /**
     * A diagnostic of the document {@code uri}; an empty related span stands for its whole line, read from {@code analysis}.
     * With {@link ServerSettings#diagnosticsDocs} its {@code codeDescription} links to the code's line there.
     */
    public static Diagnostic diagnostic(dev.cxltrace.lang.diag.Diagnostic d, String uri, Analysis analysis, ServerSettings settings) {
        Diagnostic out = new Diagnostic(range(d.span()), d.message(), severity(d.severity()), SOURCE, d.code().code());
        String href = settings.diagnosticsHref(d.code());
        if (href != null) {
            out.setCodeDescription(new DiagnosticCodeDescription(href));
        }
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

    public static List<Diagnostic> diagnostics(List<dev.cxltrace.lang.diag.Diagnostic> diagnostics, String uri, Analysis analysis,
            ServerSettings settings) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (dev.cxltrace.lang.diag.Diagnostic d : diagnostics) {
            out.add(diagnostic(d, uri, analysis, settings));
        }
        return out;
    }

    public static PublishDiagnosticsParams publish(String uri, int version, List<dev.cxltrace.lang.diag.Diagnostic> diagnostics,
            Analysis analysis, ServerSettings settings) {
        return new PublishDiagnosticsParams(uri, diagnostics(diagnostics, uri, analysis, settings), version);
    }

    /** The answer to {@code textDocument/diagnostic}: always a full report. */
    public static DocumentDiagnosticReport diagnosticReport(List<dev.cxltrace.lang.diag.Diagnostic> diagnostics, String uri,
            Analysis analysis, ServerSettings settings) {
        return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(diagnostics(diagnostics, uri, analysis, settings)));
    }

    /** The semantic token types, in the order of {@link SemanticTokenInfo.Kind} as {@link #tokenType} maps it. */
    public static final List<String> TOKEN_TYPES = List.of(SemanticTokenTypes.Keyword, SemanticTokenTypes.Function,
            SemanticTokenTypes.Namespace, SemanticTokenTypes.Variable, SemanticTokenTypes.Property, SemanticTokenTypes.Parameter,
            SemanticTokenTypes.Number, SemanticTokenTypes.EnumMember, SemanticTokenTypes.Comment);

    /** The one modifier: {@code documentation}, on a section heading (a comment that is not one). */
    public static final List<String> TOKEN_MODIFIERS = List.of(SemanticTokenModifiers.Documentation);

    public static SemanticTokensLegend semanticTokensLegend() {
        return new SemanticTokensLegend(TOKEN_TYPES, TOKEN_MODIFIERS);
    }

    public static String tokenType(SemanticTokenInfo.Kind kind) {
        return switch (kind) {
            case KEYWORD -> SemanticTokenTypes.Keyword;
            case OP -> SemanticTokenTypes.Function;
            case SPACE -> SemanticTokenTypes.Namespace;
            case REGISTER -> SemanticTokenTypes.Variable;
            case FIELD -> SemanticTokenTypes.Property;
            case PARAMETER -> SemanticTokenTypes.Parameter;
            case NUMBER -> SemanticTokenTypes.Number;
            case ERRNO -> SemanticTokenTypes.EnumMember;
            case COMMENT, HEADING -> SemanticTokenTypes.Comment;
        };
    }

    /** Tokens in document order, encoded relative to each other as LSP asks (line, start, length, type, modifiers). */
    public static SemanticTokens semanticTokens(List<SemanticTokenInfo> tokens) {
        List<Integer> data = new ArrayList<>(tokens.size() * 5);
        int line = 0;
        int start = 0;
        for (SemanticTokenInfo t : tokens) {
            int l = t.line() - 1;
            data.add(l - line);
            data.add(l == line ? t.start() - start : t.start());
            data.add(t.length());
            data.add(TOKEN_TYPES.indexOf(tokenType(t.kind())));
            data.add(t.kind() == SemanticTokenInfo.Kind.HEADING ? 1 : 0);
            line = l;
            start = t.start();
        }
        return new SemanticTokens(data);
    }

    public static TextEdit textEdit(TextEditInfo e) {
        return new TextEdit(range(e.range()), e.newText());
    }

    public static List<TextEdit> textEdits(List<TextEditInfo> edits) {
        List<TextEdit> out = new ArrayList<>(edits.size());
        for (TextEditInfo e : edits) {
            out.add(textEdit(e));
        }
        return out;
    }

    public static CodeAction codeAction(CodeActionInfo a, String uri, Analysis analysis, ServerSettings settings) {
        CodeAction out = new CodeAction(a.title());
        out.setKind(switch (a.kind()) {
            case QUICK_FIX -> CodeActionKind.QuickFix;
            case REWRITE -> CodeActionKind.RefactorRewrite;
        });
        if (a.diagnostic() != null) {
            out.setDiagnostics(List.of(diagnostic(a.diagnostic(), uri, analysis, settings)));
        }
        out.setEdit(new WorkspaceEdit(java.util.Map.of(uri, textEdits(a.edits()))));
        return out;
    }

    public static List<Either<Command, CodeAction>> codeActions(List<CodeActionInfo> actions, String uri, Analysis analysis,
            ServerSettings settings) {
        List<Either<Command, CodeAction>> out = new ArrayList<>(actions.size());
        for (CodeActionInfo a : actions) {
            out.add(Either.forRight(codeAction(a, uri, analysis, settings)));
        }
        return out;
    }

    /** A lens whose command gets the document's URI and the last line to run (0-based, as LSP counts lines). */
    public static CodeLens codeLens(CodeLensInfo lens, String uri) {
        Position at = new Position(lens.line() - 1, 0);
        return new CodeLens(new Range(at, at), new Command(lens.title(), lens.command(), List.of(uri, lens.runTo() - 1)), null);
    }

    public static List<CodeLens> codeLenses(List<CodeLensInfo> lenses, String uri) {
        List<CodeLens> out = new ArrayList<>(lenses.size());
        for (CodeLensInfo l : lenses) {
            out.add(codeLens(l, uri));
        }
        return out;
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
