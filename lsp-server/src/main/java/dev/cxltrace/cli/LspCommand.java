package dev.cxltrace.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxltrace lsp [--port N]}: the language server, over standard input and output, or on
 * 127.0.0.1:N for one client. LSP4J is touched only in {@link LspSession}, so the other commands
 * never load it.
 */
@Command(name = "lsp",
        description = {"Runs the language server (diagnostics and hover for *.cxltrace files) for an editor.",
            "Speaks LSP over standard input and output, or, with --port, over one TCP connection on 127.0.0.1."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the client sent shutdown, then exit", "1:the connection ended or exit came without shutdown",
            "2:the port cannot be opened"})
final class LspCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Listen on 127.0.0.1:N and serve the first client that connects.")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Warmup.await();
        if (port == null) {
            // Standard output carries the protocol only: anything else printed goes to standard error.
            PrintStream stdout = System.out;
            System.setOut(System.err);
            try {
                return LspSession.serve(System.in, stdout);
            } finally {
                System.setOut(stdout);
            }
        }
        Socket socket;
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            System.err.println("cxltrace: language server listening on 127.0.0.1:" + server.getLocalPort());
            socket = server.accept();
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cxltrace: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitStatus.UNUSABLE;
        }
        try (socket) {
            return LspSession.serve(socket.getInputStream(), socket.getOutputStream());
        }
    }
}
