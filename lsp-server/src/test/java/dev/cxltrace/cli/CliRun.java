package dev.cxltrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** One command run in-process, as picocli's manual suggests: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CxltraceCommand.forArguments(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        // --help and --version end without waiting for the warm-up thread; later tests in this JVM
        // may initialise the same classes, which must not happen on two threads at once.
        Warmup.await();
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The folder of the CLI's test traces (src/test/resources/cli, as copied to the test classes). */
    static Path traces() {
        try {
            return Path.of(CliRun.class.getResource("/cli/clean.cxltrace").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trace(String name) {
        return traces().resolve(name).toString();
    }
}
