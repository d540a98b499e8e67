package dev.cxltrace.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.cxltrace.lang.ide.CodeLensService;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server of {@code *.cxltrace} traces: incremental document sync, diagnostics (published
 * and pulled), hover, outline, folding, inlay hints, completion, semantic tokens, formatting, quick
 * fixes, and a "Run to here" lens per section with its command {@code cxltrace.run}.
 * The JVM is not exited here: {@link #exited()} completes on {@code exit} with the status the
 * protocol asks for (0 after a shutdown request, 1 without), and the command that started the
 * server returns it.
 */
public final class CxltraceLanguageServer implements LanguageServer, LanguageClientAware {
    private final TraceTextDocumentService documents;
    private final TraceWorkspaceService workspace;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile boolean shutdownRequested;

    public CxltraceLanguageServer() {
        this(new DocumentStore());
    }

    public CxltraceLanguageServer(DocumentStore store) {
        this.documents = new TraceTextDocumentService(store);
        this.workspace = new TraceWorkspaceService(store::settings, documents::configure, documents::run);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        documents.configure(ServerSettings.DEFAULT.with(params.getInitializationOptions()));
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        capabilities.setHoverProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setFoldingRangeProvider(true);
        capabilities.setInlayHintProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(" ", ".", "{", ",", "!", "=")));
        capabilities.setDiagnosticProvider(new DiagnosticRegistrationOptions(false, false));
        capabilities.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(ToLsp.semanticTokensLegend(), true));
        capabilities.setDocumentFormattingProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
        capabilities.setCodeLensProvider(new CodeLensOptions(false));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(CodeLensService.RUN)));
        String version = CxltraceLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(new InitializeResult(capabilities,
                new ServerInfo("cxltrace", version == null ? "development build" : version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        documents.shutdown();
        exited.complete(shutdownRequested ? 0 : 1);
    }

    /** Completes on the {@code exit} notification: 0 after a shutdown request, 1 without one. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** Whether the client asked for a shutdown. */
    public boolean shutdownRequested() {
        return shutdownRequested;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }
}
