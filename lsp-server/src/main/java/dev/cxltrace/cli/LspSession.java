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

    /**
     * Waits for the end of the input on a thread of its own: on the common pool it would hold a
     * worker for the whole session, and with one or two CPUs the common pool has a single worker,
     * which LSP4J's requests ({@code CompletableFutures.computeAsync}) need.
     */
    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "cxltrace-lsp-input-end");
        t.setDaemon(true);
        t.start();
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
        }, LspSession::daemon);
        try {
            return (Integer) CompletableFuture.anyOf(server.exited(), inputEnded).get();
        } catch (ExecutionException e) {
            return ExitStatus.FAILED;
        } finally {
            listening.cancel(true);
        }
    }
}
