package dev.cxltrace.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The language server as an editor starts it: {@code java -jar cxltrace.jar lsp} in its own
 * process, an LSP4J client on its standard input and output. Failsafe runs this after
 * {@code package} and passes the jar's path ({@code cxltrace.jar}); standard error is drained
 * beside, so the server's logging can never block it, and shown when an assertion fails.
 */
class LanguageServerProcessTest {
    private static final String URI = "file:///work/traces/lock.cxltrace";
    private static final String TRACE = """
            device type2
            w16 cfg dvsec.lock {CONFIG_LOCK=1}
            w16 cfg dvsec.control {MEM_ENABLE=0, ..}
            r32 comp hdm.decoder0.ctrl
            """;

    private static Path jar;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private Process process;
    private CompletableFuture<String> stderr;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("cxltrace.jar", "target/cxltrace.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (system property cxltrace.jar); build it with ./mvnw -pl lsp-server -am package").exists();
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void initializeOpenDiagnosticsHoverShutdownExit() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-jar", jar.toString(), "lsp").start();
        stderr = drain(process.getErrorStream());
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new RecordingClient(published), process.getInputStream(),
                process.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        InitializeResult init = server.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
        assertThat(init.getServerInfo().getName()).isEqualTo("cxltrace");
        assertThat(init.getCapabilities().getHoverProvider().getLeft()).isTrue();
        server.initialized(new InitializedParams());

        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, TRACE)));
        PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
        assertThat(p).as("published diagnostics; stderr: %s", stderrSoFar()).isNotNull();
        assertThat(p.getUri()).isEqualTo(URI);
        assertThat(p.getVersion()).isEqualTo(1);
        assertThat(p.getDiagnostics())
                .extracting(d -> d.getCode().getLeft(), Diagnostic::getSeverity, d -> d.getRange().getStart().getLine())
                .containsExactly(tuple("W-LOCKED", DiagnosticSeverity.Warning, 2));
        assertThat(p.getDiagnostics().get(0).getMessage()).contains("CONFIG_LOCK");

        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(3, 15))).get(30, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getValue())
                .startsWith("### hdm.decoder0.ctrl")
                .contains("**Value after line 4**");

        CompletableFuture<Object> shutdown = server.shutdown();
        try {
            assertThat(shutdown.get(30, TimeUnit.SECONDS)).isNull();
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("no answer to shutdown; stderr: " + stderr.get(10, TimeUnit.SECONDS), e);
        }
        server.exit();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server exits; stderr: %s", stderrSoFar()).isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: %s", stderrSoFar()).isZero();
    }

    private String stderrSoFar() {
        return stderr.getNow("(still running)");
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> all = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(b);
            } catch (IOException ignored) {
                // The process went away; what was read is all there is.
            }
            all.complete(b.toString(StandardCharsets.UTF_8));
        }, "lsp-stderr");
        t.setDaemon(true);
        t.start();
        return all;
    }
}
