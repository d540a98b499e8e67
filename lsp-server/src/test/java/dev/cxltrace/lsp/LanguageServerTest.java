package dev.cxltrace.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server as an editor sees it: an LSP4J client and the real server, in process, joined by two
 * pipes, so every message goes through JSON-RPC as it would over stdio.
 */
class LanguageServerTest {
    private static final String URI = "file:///work/traces/lock.cxltrace";

    private static final String TRACE = """
            device type2
            w16 cfg dvsec.lock {CONFIG_LOCK=1}
            w16 cfg dvsec.control {MEM_ENABLE=0, ..}
            r16 cfg dvsec.lock = 0
            w32 comp hdm.decoder0.ctrl 0x400
            r32 comp hdm.decoder0.ctrl
            """;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private CxltraceLanguageServer server;
    private LanguageServer remote;
    private Launcher<LanguageClient> serverLauncher;
    private Launcher<LanguageServer> clientLauncher;
    private PipedOutputStream clientOut;
    private PipedOutputStream serverOut;

    @BeforeEach
    void connect() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        serverOut = new PipedOutputStream(clientIn);

        server = new CxltraceLanguageServer();
        serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();

        clientLauncher = LSPLauncher.createClientLauncher(new RecordingClient(published), clientIn, clientOut);
        clientLauncher.startListening();
        remote = clientLauncher.getRemoteProxy();
    }

    @AfterEach
    void disconnect() throws IOException {
        remote.exit();
        clientOut.close();
        serverOut.close();
    }

    @Test
    void diagnosticsFollowTheDocumentAndHoverShowsTheValueAtTheLine() throws Exception {
        InitializeResult init = remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        assertThat(init.getCapabilities().getTextDocumentSync().getLeft()).isEqualTo(TextDocumentSyncKind.Incremental);
        assertThat(init.getCapabilities().getHoverProvider().getLeft()).isTrue();
        assertThat(init.getServerInfo().getName()).isEqualTo("cxltrace");
        remote.initialized(new org.eclipse.lsp4j.InitializedParams());

        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, TRACE)));
        PublishDiagnosticsParams first = next();
        assertThat(first.getUri()).isEqualTo(URI);
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getDiagnostics())
                .extracting(d -> d.getCode().getLeft(), Diagnostic::getSeverity, d -> d.getRange().getStart().getLine())
                .containsExactly(tuple("W-LOCKED", DiagnosticSeverity.Warning, 2), tuple("E-EXPECT", DiagnosticSeverity.Error, 3));
        Diagnostic locked = first.getDiagnostics().get(0);
        assertThat(locked.getSource()).isEqualTo("cxltrace");
        assertThat(locked.getMessage()).contains("CONFIG_LOCK").contains("line 2");
        assertThat(locked.getRange()).isEqualTo(range(2, 22, 40));   // the value written: {MEM_ENABLE=0, ..}
        assertThat(locked.getRelatedInformation()).singleElement().satisfies(r -> {
            assertThat(r.getLocation().getUri()).isEqualTo(URI);
            // The line that set the lock, whole.
            assertThat(r.getLocation().getRange()).isEqualTo(range(1, 0, "w16 cfg dvsec.lock {CONFIG_LOCK=1}".length()));
            assertThat(r.getMessage()).isEqualTo("set here");
        });
        assertThat(first.getDiagnostics().get(1).getRange()).isEqualTo(range(3, 21, 22));

        String fixed = TRACE.replace("r16 cfg dvsec.lock = 0", "r16 cfg dvsec.lock = 1");
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(URI, 2), List.of(new TextDocumentContentChangeEvent(fixed))));
        PublishDiagnosticsParams second = next();
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("W-LOCKED");

        // Line 6 reads the decoder after line 5 uncommitted it: the shadow's COMMITTED is 0, the host's still 1.
        Hover hover = remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(5, 15))).get(10, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getKind()).isEqualTo("markdown");
        assertThat(hover.getContents().getRight().getValue())
                .startsWith("### hdm.decoder0.ctrl")
                .contains("COMMITTED")
                .contains("**Value after line 6**: shadow `0x0000_0000`, host copy `0x0000_0600`")
                .contains("| `COMMITTED` | 0 | 1 |");
        assertThat(hover.getRange()).isEqualTo(range(5, 9, 26));

        // Nothing under the cursor: an empty answer.
        assertThat(remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 0))).get(10, TimeUnit.SECONDS)).isNull();

        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertThat(next().getDiagnostics()).isEmpty();

        assertThat(remote.shutdown().get(10, TimeUnit.SECONDS)).isNull();
        remote.exit();
        assertThat(server.exited().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aProfileFileIsReadRelativeToTheDocument(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        String uri = dir.resolve("a.cxltrace").toUri().toString();
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "cxltrace", 7, "device boards/x.json\nr32 comp hdm.decoder0.ctrl\n")));
        PublishDiagnosticsParams p = next();
        assertThat(p.getVersion()).isEqualTo(7);
        assertThat(p.getDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getCode().getLeft()).isEqualTo("E-PROFILE");
            assertThat(d.getMessage()).contains("profile boards/x.json (relative to a.cxltrace) not found");
        });
    }

    @Test
    void outlineFoldingInlayHintsAndCompletionGoThroughTheProtocol() throws Exception {
        InitializeResult init = remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        ServerCapabilities caps = init.getCapabilities();
        assertThat(caps.getDocumentSymbolProvider().getLeft()).isTrue();
        assertThat(caps.getFoldingRangeProvider().getLeft()).isTrue();
        assertThat(caps.getInlayHintProvider().getLeft()).isTrue();
        assertThat(caps.getCompletionProvider().getTriggerCharacters()).contains(" ", ".", "{", "!");
        String text = """
                ## Setup
                device type2
                ### Lock
                # lock the DVSEC
                # then try to change it
                w16 cfg dvsec.lock {CONFIG_LOCK=1}
                w16 cfg dvsec.control {MEM_ENABLE=0, ..}
                ## Decoder
                r32 comp hdm.decoder0.ctrl
                r32 comp hdm.
                """;
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, text)));
        next();
        TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);

        List<Either<SymbolInformation, DocumentSymbol>> symbols = remote.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(doc)).get(10, TimeUnit.SECONDS);
        assertThat(symbols).allMatch(Either::isRight).extracting(e -> e.getRight().getName()).containsExactly("Setup", "Decoder");
        DocumentSymbol setup = symbols.get(0).getRight();
        assertThat(setup.getKind()).isEqualTo(SymbolKind.Namespace);
        assertThat(setup.getRange()).isEqualTo(new Range(new Position(0, 0), new Position(6, 40)));
        assertThat(setup.getSelectionRange()).isEqualTo(range(0, 0, 8));
        assertThat(setup.getChildren()).extracting(DocumentSymbol::getName, DocumentSymbol::getKind)
                .containsExactly(tuple("device type2", SymbolKind.Object), tuple("Lock", SymbolKind.Namespace));

        List<FoldingRange> folds = remote.getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(doc)).get(10, TimeUnit.SECONDS);
        assertThat(folds).extracting(FoldingRange::getStartLine, FoldingRange::getEndLine, FoldingRange::getKind)
                .containsExactly(tuple(0, 6, "region"), tuple(2, 6, "region"), tuple(3, 4, "comment"), tuple(7, 9, "region"));

        List<InlayHint> hints = remote.getTextDocumentService()
                .inlayHint(new InlayHintParams(doc, new Range(new Position(5, 0), new Position(9, 0)))).get(10, TimeUnit.SECONDS);
        assertThat(hints).extracting(h -> h.getPosition().getLine(), h -> h.getPosition().getCharacter(), h -> h.getLabel().getLeft())
                .containsExactly(
                        tuple(5, 34, " CONFIG_LOCK 0→1"),
                        tuple(6, 40, " dropped: MEM_ENABLE (locked)"),
                        tuple(8, 26, " → 0x600 {COMMIT=1, COMMITTED=1}"));

        Either<List<CompletionItem>, CompletionList> completion = remote.getTextDocumentService()
                .completion(new CompletionParams(doc, new Position(9, 13))).get(10, TimeUnit.SECONDS);
        assertThat(completion.isLeft()).isTrue();
        CompletionItem ctrl = completion.getLeft().stream().filter(i -> i.getLabel().equals("hdm.decoder0.ctrl")).findFirst()
                .orElseThrow();
        assertThat(ctrl.getKind()).isEqualTo(CompletionItemKind.Variable);
        assertThat(ctrl.getDocumentation().getRight().getKind()).isEqualTo("markdown");
        assertThat(ctrl.getDocumentation().getRight().getValue()).startsWith("### hdm.decoder0.ctrl");
        // The edit replaces the path typed so far, dots included.
        assertThat(ctrl.getTextEdit().getLeft().getRange()).isEqualTo(range(9, 9, 13));
        assertThat(ctrl.getTextEdit().getLeft().getNewText()).isEqualTo("hdm.decoder0.ctrl");

        // A document that is not open: empty answers, not errors.
        TextDocumentIdentifier other = new TextDocumentIdentifier("file:///nowhere.cxltrace");
        assertThat(remote.getTextDocumentService().documentSymbol(new DocumentSymbolParams(other)).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(remote.getTextDocumentService().completion(new CompletionParams(other, new Position(0, 0)))
                .get(10, TimeUnit.SECONDS).getLeft()).isEmpty();
    }

    @Test
    void incrementalChangesGiveTheDiagnosticsOfAFreshOpenAndDocumentsStaySeparate() throws Exception {
        InitializeParams init = new InitializeParams();
        init.setInitializationOptions(com.google.gson.JsonParser.parseString("{\"checkpointInterval\": 1}"));
        remote.initialize(init).get(10, TimeUnit.SECONDS);
        String other = "file:///work/traces/other.cxltrace";
        String otherText = "r32 comp hdm.decoder0.ctrl = 5\n";
        var docs = remote.getTextDocumentService();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, TRACE)));
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(other, "cxltrace", 1, otherText)));
        List<Diagnostic> otherFirst = await(other, 1).getDiagnostics();
        assertThat(otherFirst).extracting(d -> d.getCode().getLeft()).containsExactly("E-EXPECT");

        // Insert a line, then delete one, then edit within a line and append, two changes in one notification.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(1, 0), new Position(1, 0)), "# a comment\n"))));
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 3),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(4, 0), new Position(5, 0)), ""))));
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 4), List.of(
                new TextDocumentContentChangeEvent(new Range(new Position(3, 33), new Position(3, 33)), "X"),
                new TextDocumentContentChangeEvent(new Range(new Position(6, 0), new Position(6, 0)), "r16 cfg dvsec.lock = 0\n"))));
        PublishDiagnosticsParams edited = await(URI, 4);

        String expected = """
                device type2
                # a comment
                w16 cfg dvsec.lock {CONFIG_LOCK=1}
                w16 cfg dvsec.control {MEM_ENABLEX=0, ..}
                w32 comp hdm.decoder0.ctrl 0x400
                r32 comp hdm.decoder0.ctrl
                r16 cfg dvsec.lock = 0
                """;
        String fresh = "file:///work/traces/fresh.cxltrace";
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(fresh, "cxltrace", 1, expected)));
        PublishDiagnosticsParams reference = await(fresh, 1);
        assertThat(reference.getDiagnostics()).isNotEmpty();
        assertThat(edited.getDiagnostics()).extracting(LanguageServerTest::describe)
                .containsExactlyElementsOf(reference.getDiagnostics().stream().map(LanguageServerTest::describe).toList());
        assertThat(edited.getDiagnostics()).extracting(d -> d.getRange().getStart().getLine()).contains(6);

        // A full-text change without a range replaces the text.
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, 5),
                List.of(new TextDocumentContentChangeEvent("device type2\n"))));
        assertThat(await(URI, 5).getDiagnostics()).isEmpty();

        // The other document kept its own diagnostics and analysis.
        Hover hover = docs.hover(new HoverParams(new TextDocumentIdentifier(other), new Position(0, 12))).get(10, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getValue()).startsWith("### hdm.decoder0.ctrl");
        docs.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertThat(await(URI, null).getDiagnostics()).isEmpty();
        docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(other, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 29), new Position(0, 30)), "0x600"))));
        assertThat(await(other, 2).getDiagnostics()).isEmpty();
    }

    @Test
    void newSettingsAnalyseTheOpenDocumentsAgain() throws Exception {
        remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, TRACE)));
        List<String> before = await(URI, 1).getDiagnostics().stream().map(LanguageServerTest::describe).toList();
        remote.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                com.google.gson.JsonParser.parseString("{\"cxltrace\": {\"checkpointInterval\": 2}}")));
        assertThat(await(URI, 1).getDiagnostics()).extracting(LanguageServerTest::describe).containsExactlyElementsOf(before);
    }

    @Test
    void pulledDiagnosticsCarryTheirDocsLinkAndTheEditingFeaturesGoThroughTheProtocol() throws Exception {
        InitializeParams params = new InitializeParams();
        params.setInitializationOptions(com.google.gson.JsonParser.parseString(
                "{\"diagnosticsDocs\": \"file:///opt/cxltrace/docs/DIAGNOSTICS.md\"}"));
        ServerCapabilities caps = remote.initialize(params).get(10, TimeUnit.SECONDS).getCapabilities();
        assertThat(caps.getDiagnosticProvider()).isNotNull();
        assertThat(caps.getSemanticTokensProvider().getLegend().getTokenTypes()).contains("keyword", "namespace", "variable", "property");
        assertThat(caps.getDocumentFormattingProvider().getLeft()).isTrue();
        assertThat(caps.getCodeActionProvider().getRight().getCodeActionKinds()).contains("quickfix");
        assertThat(caps.getCodeLensProvider()).isNotNull();
        assertThat(caps.getExecuteCommandProvider().getCommands()).containsExactly("cxltrace.run");
        String text = """
                ## Lock
                device   type2
                w16 cfg dvsec.lock {config_lock=1}
                ## Read
                r16 cfg dvsec.lock = 0
                r32 comp 0x1002
                """;
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "cxltrace", 1, text)));
        PublishDiagnosticsParams published = await(URI, 1);
        TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);

        // Pulled diagnostics equal the published ones; each links to its code's line in the docs.
        org.eclipse.lsp4j.DocumentDiagnosticReport report = remote.getTextDocumentService()
                .diagnostic(new org.eclipse.lsp4j.DocumentDiagnosticParams(doc)).get(10, TimeUnit.SECONDS);
        List<Diagnostic> pulled = report.getRelatedFullDocumentDiagnosticReport().getItems();
        assertThat(pulled).extracting(d -> d.getCode().getLeft()).containsExactly("E-EXPECT", "E-ERRNO");
        assertThat(pulled).extracting(LanguageServerTest::describe)
                .containsExactlyElementsOf(published.getDiagnostics().stream().map(LanguageServerTest::describe).toList());
        assertThat(pulled).extracting(d -> d.getCodeDescription().getHref()).containsExactly(
                "file:///opt/cxltrace/docs/DIAGNOSTICS.md#e-expect", "file:///opt/cxltrace/docs/DIAGNOSTICS.md#e-errno");
        assertThat(published.getDiagnostics().get(0).getCodeDescription().getHref()).endsWith("#e-expect");

        // Semantic tokens: line 3 starts with an op (function), its space (namespace) and register (variable).
        List<Integer> data = remote.getTextDocumentService()
                .semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(doc)).get(10, TimeUnit.SECONDS).getData();
        List<String> types = caps.getSemanticTokensProvider().getLegend().getTokenTypes();
        assertThat(data.subList(0, 5)).containsExactly(0, 0, "## Lock".length(), types.indexOf("comment"), 1);
        assertThat(types.get(data.get(5 + 3))).isEqualTo("keyword");   // device

        List<? extends org.eclipse.lsp4j.TextEdit> edits = remote.getTextDocumentService()
                .formatting(new org.eclipse.lsp4j.DocumentFormattingParams(doc, new org.eclipse.lsp4j.FormattingOptions(4, true)))
                .get(10, TimeUnit.SECONDS);
        assertThat(edits).extracting(e -> e.getRange().getStart().getLine(), org.eclipse.lsp4j.TextEdit::getNewText)
                .containsExactly(tuple(1, "device type2"), tuple(2, "w16 cfg dvsec.lock {CONFIG_LOCK=1}"),
                        tuple(4, "r16 cfg  dvsec.lock = 0"));   // line 6 is already canonical

        List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> actions = remote.getTextDocumentService()
                .codeAction(new org.eclipse.lsp4j.CodeActionParams(doc, range(4, 0, 0),
                        new org.eclipse.lsp4j.CodeActionContext(published.getDiagnostics()))).get(10, TimeUnit.SECONDS);
        assertThat(actions).singleElement().satisfies(a -> {
            org.eclipse.lsp4j.CodeAction fix = a.getRight();
            assertThat(fix.getKind()).isEqualTo("quickfix");
            assertThat(fix.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly("E-EXPECT");
            assertThat(fix.getEdit().getChanges().get(URI)).singleElement().satisfies(e -> {
                assertThat(e.getRange()).isEqualTo(range(4, 21, 22));
                assertThat(e.getNewText()).isEqualTo("0x1");
            });
        });

        List<? extends org.eclipse.lsp4j.CodeLens> lenses = remote.getTextDocumentService()
                .codeLens(new org.eclipse.lsp4j.CodeLensParams(doc)).get(10, TimeUnit.SECONDS);
        assertThat(lenses).extracting(l -> l.getRange().getStart().getLine(), l -> l.getCommand().getTitle(),
                l -> l.getCommand().getCommand()).containsExactly(tuple(0, "Run to here", "cxltrace.run"), tuple(3, "Run to here", "cxltrace.run"));
        Object transcript = remote.getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams(
                "cxltrace.run", lenses.get(0).getCommand().getArguments())).get(10, TimeUnit.SECONDS);
        assertThat(transcript.toString()).contains(":3: w16 cfg dvsec.lock {config_lock=1}").contains("registers after line 3")
                .doesNotContain(":5:");
    }

    /** A diagnostic without its document's URI, to compare two documents' diagnostics. */
    private static String describe(Diagnostic d) {
        return d.getRange() + " " + d.getCode().getLeft() + " " + d.getMessage() + " " + (d.getRelatedInformation() == null ? ""
                : d.getRelatedInformation().stream().map(r -> r.getLocation().getRange() + r.getMessage()).toList());
    }

    /** The next diagnostics published for {@code uri} at {@code version}, skipping others. */
    private PublishDiagnosticsParams await(String uri, Integer version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = next();
            if (p.getUri().equals(uri) && java.util.Objects.equals(p.getVersion(), version)) {
                return p;
            }
        }
    }

    @Test
    void exitWithoutShutdownIsStatusOne() throws Exception {
        remote.exit();
        assertThat(server.exited().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private PublishDiagnosticsParams next() throws InterruptedException {
        PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
        assertThat(p).as("published diagnostics").isNotNull();
        return p;
    }

    private static Range range(int line, int start, int end) {
        return new Range(new Position(line, start), new Position(line, end));
    }
}
