package dev.cxltrace.lsp;

import dev.cxltrace.lang.ide.DiagnosticsService;
import dev.cxltrace.lang.ide.HoverService;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document requests: each converts in ({@link FromLsp}), calls {@code lang.ide}, and
 * converts out ({@link ToLsp}). Documents are synchronised in full; each new version is analysed
 * and its diagnostics published with that version. A request that fails is logged and answers empty.
 */
final class TraceTextDocumentService implements TextDocumentService {
    private static final Logger LOG = Logger.getLogger(TraceTextDocumentService.class.getName());

    private final DocumentStore store;
    private final DiagnosticsService diagnostics = new DiagnosticsService();
    private final HoverService hover = new HoverService();
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
        update(doc.getUri(), doc.getVersion(), doc.getText());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // Full sync: the last change holds the whole text.
        update(params.getTextDocument().getUri(), params.getTextDocument().getVersion(), changes.get(changes.size() - 1).getText());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        store.close(uri);
        publish(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text arrived with didChange; saving changes nothing.
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            try {
                return store.get(params.getTextDocument().getUri())
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

    private void update(String uri, int version, String text) {
        try {
            DocumentStore.Document d = store.update(uri, version, text);
            publish(ToLsp.publish(uri, version, diagnostics.diagnostics(d.analysis()), d.analysis()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "analysis of " + uri + " version " + version + " failed", e);
        }
    }

    private void publish(PublishDiagnosticsParams params) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(params);
        }
    }
}
