package dev.cxltrace.lsp;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.ide.Analysis;
import dev.cxltrace.lang.ide.CodeActionService;
import dev.cxltrace.lang.ide.CodeLensService;
import dev.cxltrace.lang.ide.CompletionService;
import dev.cxltrace.lang.ide.FormattingService;
import dev.cxltrace.lang.ide.SemanticTokensService;
import dev.cxltrace.lang.ide.TranscriptService;
import dev.cxltrace.lang.ide.DiagnosticsService;
import dev.cxltrace.lang.ide.FoldingService;
import dev.cxltrace.lang.ide.HoverService;
import dev.cxltrace.lang.ide.InlayHintService;
import dev.cxltrace.lang.ide.OutlineService;
import java.util.function.BiFunction;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document requests: each converts in ({@link FromLsp}), calls {@code lang.ide}, and
 * converts out ({@link ToLsp}). Documents are synchronised incrementally; the {@link DocumentStore}
 * analyses each new version in the background, cancelling the analysis of an older one, and its
 * diagnostics are published with that version. Requests read the latest completed analysis. A
 * request that fails is logged and answers empty.
 */
final class TraceTextDocumentService implements TextDocumentService {
    private static final Logger LOG = Logger.getLogger(TraceTextDocumentService.class.getName());

    private final DocumentStore store;
    private final DiagnosticsService diagnostics = new DiagnosticsService();
    private final HoverService hover = new HoverService();
    private final OutlineService outline = new OutlineService();
    private final FoldingService folding = new FoldingService();
    private final InlayHintService inlayHints = new InlayHintService();
    private final CompletionService completion = new CompletionService();
    private final SemanticTokensService semanticTokens = new SemanticTokensService();
    private final FormattingService formatting = new FormattingService();
    private final CodeActionService codeActions = new CodeActionService();
    private final CodeLensService codeLenses = new CodeLensService();
    private final TranscriptService transcripts = new TranscriptService();
    private volatile LanguageClient client;

    TraceTextDocumentService(DocumentStore store) {
        this.store = store;
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        publishWhenDone(doc.getUri(), doc.getVersion(), store.open(doc.getUri(), doc.getVersion(), doc.getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        int version = params.getTextDocument().getVersion();
        try {
            store.change(uri, version, FromLsp.changes(params.getContentChanges()))
                    .ifPresentOrElse(f -> publishWhenDone(uri, version, f), () -> LOG.warning("didChange of " + uri + ", which is not open"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "applying the changes of " + uri + " version " + version + " failed", e);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (store.close(uri)) {
            publish(new PublishDiagnosticsParams(uri, List.of()));
        } else {
            LOG.fine("didClose of " + uri + ", which is not open");
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text arrived with didChange; saving changes nothing.
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            try {
                return store.latest(params.getTextDocument().getUri())
                        .flatMap(d -> hover.hover(d.analysis(), FromLsp.line(params.getPosition()),
                                FromLsp.column(params.getPosition()), cancel::checkCanceled))
                        .map(ToLsp::hover)
                        .orElse(null);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "hover failed at " + params.getPosition() + " in " + params.getTextDocument().getUri(), e);
                return null;
            }
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return request("documentSymbol", params.getTextDocument().getUri(), List.of(),
                (a, cancel) -> ToLsp.documentSymbols(outline.outline(a, cancel)));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return request("foldingRange", params.getTextDocument().getUri(), List.of(),
                (a, cancel) -> ToLsp.foldingRanges(folding.folding(a, cancel)));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return request("inlayHint", params.getTextDocument().getUri(), List.of(),
                (a, cancel) -> ToLsp.inlayHints(inlayHints.hints(a, FromLsp.firstLine(params.getRange()),
                        FromLsp.lastLine(params.getRange()), cancel)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return request("completion", params.getTextDocument().getUri(), Either.forLeft(List.of()),
                (a, cancel) -> Either.forLeft(ToLsp.completionItems(completion.complete(a, FromLsp.line(params.getPosition()),
                        FromLsp.column(params.getPosition()), cancel))));
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        DocumentDiagnosticReport empty = new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
        return request("diagnostic", uri, empty,
                (a, cancel) -> ToLsp.diagnosticReport(diagnostics.diagnostics(a), uri, a, store.settings()));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return request("semanticTokens", params.getTextDocument().getUri(), new SemanticTokens(List.of()),
                (a, cancel) -> ToLsp.semanticTokens(semanticTokens.tokens(a, cancel)));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return request("formatting", params.getTextDocument().getUri(), List.of(),
                (a, cancel) -> ToLsp.textEdits(formatting.format(a, cancel)));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return request("codeAction", uri, List.of(),
                (a, cancel) -> ToLsp.codeActions(codeActions.actions(a, FromLsp.firstLine(params.getRange()),
                        FromLsp.lastLine(params.getRange()), cancel), uri, a, store.settings()));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        String uri = params.getTextDocument().getUri();
        return request("codeLens", uri, List.of(), (a, cancel) -> ToLsp.codeLenses(codeLenses.lenses(a, cancel), uri));
    }

    /** {@code cxltrace.run [uri, line]}: the transcript of the document up to that line, or null when it is not open. */
    CompletableFuture<Object> run(List<Object> arguments) {
        return FromLsp.runTo(arguments)
                .<CompletableFuture<Object>>map(r -> request("cxltrace.run", r.uri(), null,
                        (a, cancel) -> transcripts.transcript(a, r.uri(), r.lastLine(), cancel)))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /**
     * Runs {@code feature} on the current analysis of {@code uri}: {@code empty} when the document
     * is not open or the feature fails (logged); a cancellation goes back to LSP4J.
     */
    private <T> CompletableFuture<T> request(String what, String uri, T empty, BiFunction<Analysis, CancelToken, T> feature) {
        return CompletableFutures.computeAsync(cancel -> {
            try {
                return store.latest(uri).map(d -> feature.apply(d.analysis(), cancel::checkCanceled)).orElse(empty);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, what + " failed in " + uri, e);
                return empty;
            }
        });
    }

    /** New settings: every open document is analysed again and its diagnostics published. */
    void configure(ServerSettings settings) {
        for (CompletableFuture<DocumentStore.Document> f : store.configure(settings)) {
            f.whenComplete((d, failure) -> {
                if (d != null) {
                    publish(ToLsp.publish(d.uri(), d.version(), diagnostics.diagnostics(d.analysis()), d.analysis(), store.settings()));
                }
            });
        }
    }

    void shutdown() {
        store.shutdown();
    }

    private void publishWhenDone(String uri, int version, CompletableFuture<DocumentStore.Document> analysed) {
        analysed.whenComplete((d, failure) -> {
            if (failure == null) {
                try {
                    publish(ToLsp.publish(uri, version, diagnostics.diagnostics(d.analysis()), d.analysis(), store.settings()));
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "publishing the diagnostics of " + uri + " version " + version + " failed", e);
                }
            } else if (!(failure instanceof CancellationException)) {
                LOG.log(Level.SEVERE, "analysis of " + uri + " version " + version + " failed", failure);
            }
        });
    }

    private void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }
}
