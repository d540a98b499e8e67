package dev.cxltrace.cli;

import dev.cxltrace.lsp.CxltraceLanguageServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** One language server session on a pair of streams; the only class of {@code cli} that sees LSP4J. */
final class LspSession {
    private LspSession() {
    }

    /** Serves until the client sends exit or the input ends; the exit status the protocol asks for. */
    static int serve(InputStream in, OutputStream out) throws InterruptedException {
        CxltraceLanguageServer server = new CxltraceLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture<Integer> inputEnded = CompletableFuture.supplyAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // The connection broke; the status says whether the client had asked to shut down.
            }
            return server.shutdownRequested() ? ExitStatus.PASS : ExitStatus.FAILED;
        });
        try {
            return (Integer) CompletableFuture.anyOf(server.exited(), inputEnded).get();
        } catch (ExecutionException e) {
            return ExitStatus.FAILED;
        } finally {
            listening.cancel(true);
        }
    }
}
