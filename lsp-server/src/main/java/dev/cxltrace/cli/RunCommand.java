package dev.cxltrace.cli;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.exec.Executor;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.ide.Transcript;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Parser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cxltrace run FILE}: executes one trace and prints a transcript as it goes (each executed
 * line with its outcome and decoded fields, and its diagnostics), then the registers at the end,
 * shadow and host side by side.
 */
@Command(name = "run",
        description = "Runs one trace and prints a transcript: each executed line with its outcome and decoded fields, "
            + "then every register at the end of the trace, the guest-visible shadow beside the host's copy.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the trace has no error",
            "1:the trace has an error",
            "2:a usage error, or the file cannot be read"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The trace to run.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Warmup.await();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String display = file.normalize().toString().isEmpty() ? file.toString() : file.normalize().toString();
        if (Files.isDirectory(file)) {
            err.println("cxltrace: " + display + " is a folder; run takes one trace file (check takes folders)");
            err.flush();
            return ExitStatus.UNUSABLE;
        }
        Executor executor = new Executor(ProfileFileSource.besideTrace(file, display), BuiltInProfiles.DEFAULT);
        Transcript transcript = new Transcript(display, out);
        boolean failed = false;
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                ParsedLine parsed = Parser.parse(number, text);
                boolean hadDevice = executor.device() != null || executor.creationErrno() != null;
                LineOutcome outcome = executor.execute(parsed);
                transcript.line(parsed, outcome, executor, hadDevice);
                for (Diagnostic d : outcome.diagnostics()) {
                    failed |= d.severity() == Severity.ERROR;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            err.println("cxltrace: cannot read " + display + ": " + TraceFiles.reason(e));
            err.flush();
            return ExitStatus.UNUSABLE;
        }
        transcript.registers(executor, number);
        out.flush();
        return failed ? ExitStatus.FAILED : ExitStatus.PASS;
    }
}
