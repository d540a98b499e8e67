package dev.cxltrace.lsp;

import dev.cxltrace.lang.ide.CodeLensService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: new settings (under {@code "cxltrace"}) go to the documents; {@code cxltrace.run} to the document service. */
final class TraceWorkspaceService implements WorkspaceService {
    private final Supplier<ServerSettings> current;
    private final Consumer<ServerSettings> configure;
    private final Function<List<Object>, CompletableFuture<Object>> run;

    TraceWorkspaceService(Supplier<ServerSettings> current, Consumer<ServerSettings> configure,
            Function<List<Object>, CompletableFuture<Object>> run) {
        this.current = current;
        this.configure = configure;
        this.run = run;
    }

    /** {@code cxltrace.run [uri, line]} answers the transcript of the document up to that line; other commands, null. */
    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (CodeLensService.RUN.equals(params.getCommand())) {
            return run.apply(params.getArguments());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        configure.accept(current.get().withConfiguration(params.getSettings()));
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // Not registered: a profile file is read when the analysis runs from before the device line.
    }
}
