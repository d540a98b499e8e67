package dev.cxltrace.lsp;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: new settings (under {@code "cxltrace"}) go to the documents. */
final class TraceWorkspaceService implements WorkspaceService {
    private final Supplier<ServerSettings> current;
    private final Consumer<ServerSettings> configure;

    TraceWorkspaceService(Supplier<ServerSettings> current, Consumer<ServerSettings> configure) {
        this.current = current;
        this.configure = configure;
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
