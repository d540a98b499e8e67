package dev.cxltrace.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an editor (or a broken one) may throw at the server: bytes that are not JSON, methods the
 * server does not know, edits outside the text, versions out of order, a close of a document never
 * opened, and very large documents. After each the server must keep answering. In process, over
 * pipes, as {@link LanguageServerTest}; the raw bytes go into the same pipe the client writes to.
 */
class LanguageServerRobustnessTest {
    private static final String URI = "file:///work/traces/robust.cxltrace";

    /**
     * The size of the large documents, in characters. 20 MB rather than the 100 MB an editor could
     * conceivably send: the server handles both the same way (linear in the size), but 100 MB
     * would cost the test several seconds of JSON and analysis and a few hundred MB of heap in the
     * test JVM for no more coverage. Raise it with {@code -Dcxltrace.test.largeDocumentSize=...}.
     */
    private static final int LARGE = Integer.getInteger("cxltrace.test.largeDocumentSize", 20_000_000);

    private static final String LOCKED = """
            device type2
            w16 cfg dvsec.lock {CONFIG_LOCK=1}
            w16 cfg dvsec.control {MEM_ENABLE=0, ..}
            """;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private LanguageServer remote;
    private Launcher<LanguageServer> clientLauncher;
    private PipedOutputStream clientOut;
    private PipedOutputStream serverOut;

    @BeforeEach
    void connect() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        serverOut = new PipedOutputStream(clientIn);

        CxltraceLanguageServer server = new CxltraceLanguageServer();
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();

        clientLauncher = LSPLauncher.createClientLauncher(new RecordingClient(published), clientIn, clientOut);
        clientLauncher.startListening();
        remote = clientLauncher.getRemoteProxy();
        remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws IOException {
        remote.exit();
        clientOut.close();
        serverOut.close();
    }

    @Test
    void contentThatIsNotJsonIsSkippedAndTheServerKeepsAnswering() throws Exception {
        for (String body : List.of("{this is not json", "[1, 2", "{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": }", "\u0000\u00ff")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] header = ("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            synchronized (clientOut) {
                clientOut.write(header);
                clientOut.write(bytes);
                clientOut.flush();
            }
        }
        openLocked(1);
        assertThat(hoverOnLock()).isNotNull();
    }

    @Test
    void anUnknownMethodIsMethodNotFoundAndTheServerLives() throws Exception {
        CompletableFuture<Object> answer = clientLauncher.getRemoteEndpoint().request("cxltrace/noSuchMethod", null);
        Throwable failure = catchThrowable(() -> answer.get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ResponseErrorException.class);
        assertThat(((ResponseErrorException) failure.getCause()).getResponseError().getCode())
                .isEqualTo(ResponseErrorCode.MethodNotFound.getValue());
        openLocked(1);
        assertThat(hoverOnLock()).isNotNull();
    }

    @Test
    void changesOutsideTheTextAreClamped() throws Exception {
        openLocked(1);
        var docs = remote.getTextDocumentService();
        // Past the last line, past the end of a line, and negative: clamped to the text.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2), List.of(
                new TextDocumentContentChangeEvent(new Range(new Position(1000, 5), new Position(2000, 0)), "r16 cfg dvsec.lock = 1\n"),
                new TextDocumentContentChangeEvent(new Range(new Position(1, 500), new Position(1, 900)), ""),
                new TextDocumentContentChangeEvent(new Range(new Position(-3, -7), new Position(-1, -1)), ""))));
        PublishDiagnosticsParams p = await(URI, 2);
        assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");
        // The end before the start: an insertion at the start, here a comment at the end of line 3.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 3), List.of(
                new TextDocumentContentChangeEvent(new Range(new Position(2, 40), new Position(0, 0)), "  # x"))));
        assertThat(await(URI, 3).getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");
        assertThat(hoverOnLock()).isNotNull();
    }

    @Test
    void aChangeOlderThanTheVersionHeldIsIgnored() throws Exception {
        var docs = remote.getTextDocumentService();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 5, LOCKED)));
        assertThat(await(URI, 5).getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");
        // Version 3 arrives late: it would remove the lock; ignored.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 3),
                List.of(new TextDocumentContentChangeEvent("device type2\n"))));
        // Version 6 adds a failing expectation to the text of version 5.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 6),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(3, 0), new Position(3, 0)), "r16 cfg dvsec.lock = 0\n"))));
        PublishDiagnosticsParams p = next();
        assertThat(p.getVersion()).as("no diagnostics for version 3").isEqualTo(6);
        assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED", "E-EXPECT");
        assertThat(hoverOnLock()).isNotNull();
    }

    @Test
    void closingADocumentNeverOpenedIsIgnored() throws Exception {
        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier("file:///never.cxltrace")));
        openLocked(1);
        assertThat(published).as("nothing published for the unknown document").isEmpty();
        assertThat(hoverOnLock()).isNotNull();
    }

    @Test
    void aLargeDocumentIsAnalysedAndHoverStillWorks() throws Exception {
        String line = "r16 cfg dvsec.lock = {CONFIG_LOCK=1}  # reads the lock back\n";
        StringBuilder b = new StringBuilder(LARGE + 128).append(LOCKED);
        while (b.length() < LARGE) {
            b.append(line);
        }
        openText(b.toString(), 1);
        PublishDiagnosticsParams p = await(URI, 1, 60);
        assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");
        assertThat(hoverOnLock()).isNotNull();
        assertThat(hover(LARGE / line.length(), 10).getContents().getRight().getValue()).startsWith("### dvsec.lock");
    }

    @Test
    void aSingleHugeLineGivesADiagnosticAndHoverStillWorks() throws Exception {
        String[] huge = {
            "r32 comp " + "x".repeat(LARGE),
            "w32 comp hdm.decoder0.ctrl " + "7".repeat(LARGE),
            "w16 cfg dvsec.control {" + "MEM_ENABLE=1, ".repeat(LARGE / 14) + "}",
        };
        int version = 1;
        for (String h : huge) {
            openText(LOCKED + h + "\n", version);
            PublishDiagnosticsParams p = await(URI, version, 60);
            assertThat(p.getDiagnostics()).extracting(d -> d.getRange().getStart().getLine()).contains(3);
            assertThat(p.getDiagnostics()).allSatisfy(d -> assertThat(d.getMessage().length()).isLessThan(1000));
            assertThat(hoverOnLock()).isNotNull();
            version++;
        }
    }

    private void openLocked(int version) throws InterruptedException {
        openText(LOCKED, version);
        assertThat(await(URI, version).getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");
    }

    private void openText(String text, int version) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", version, text)));
    }

    /** The hover on {@code dvsec.lock} in line 2 of {@link #LOCKED}. */
    private Hover hoverOnLock() throws Exception {
        Hover h = hover(1, 12);
        assertThat(h.getContents().getRight().getValue()).startsWith("### dvsec.lock");
        return h;
    }

    private Hover hover(int line, int character) throws Exception {
        return remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(line, character))).get(30, TimeUnit.SECONDS);
    }

    private PublishDiagnosticsParams await(String uri, Integer version) throws InterruptedException {
        return await(uri, version, 10);
    }

    private PublishDiagnosticsParams await(String uri, Integer version, int seconds) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = published.poll(seconds, TimeUnit.SECONDS);
            assertThat(p).as("diagnostics of %s version %s", uri, version).isNotNull();
            if (p.getUri().equals(uri) && Objects.equals(p.getVersion(), version)) {
                return p;
            }
        }
    }

    private PublishDiagnosticsParams next() throws InterruptedException {
        PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
        assertThat(p).as("published diagnostics").isNotNull();
        return p;
    }
}
