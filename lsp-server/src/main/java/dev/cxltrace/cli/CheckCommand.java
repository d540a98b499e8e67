package dev.cxltrace.cli;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.cli.TraceFiles.TraceFile;
import dev.cxltrace.cli.report.CheckResult;
import dev.cxltrace.cli.report.CheckedFile;
import dev.cxltrace.cli.report.FailOn;
import dev.cxltrace.cli.report.ReportFormat;
import dev.cxltrace.cli.report.TraceResult;
import dev.cxltrace.cli.report.Unreadable;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.exec.TraceRunner;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cxltrace check PATH...}: checks traces, in parallel, and reports them in path order.
 * Each trace streams through {@link TraceRunner} line by line, so its size does not matter.
 */
@Command(name = "check", sortOptions = false,
        description = {"Checks traces against the device model and reports what it found.",
            "Files are checked in parallel and reported in path order, diagnostics in line order."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no trace has an error (with --werror: nor a warning)",
            "1:a trace has an error (with --werror: or a warning)",
            "2:a usage error, or a path or trace file that cannot be read (wins over 1)"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Trace files, and folders to search recursively for traces (files named *.cxltrace).")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            completionCandidates = ReportFormat.OptionNames.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--werror", description = "Warnings fail the trace, as errors do.")
    boolean werror;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Warmup.await();
        TraceFiles.Found found = TraceFiles.find(paths);
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : found.problems()) {
            err.println("cxltrace: " + problem);
        }
        CheckResult result = check(found.files(), FailOn.of(werror), format.keeps());
        for (Unreadable u : result.unreadable()) {
            err.println("cxltrace: " + u.message());
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        format.writer().write(result, out);
        out.flush();
        int status = result.exitStatus();
        return found.problems().isEmpty() ? status : ExitStatus.worst(status, ExitStatus.UNUSABLE);
    }

    /** Checks every file, on as many threads as there are processors, and keeps the input order. */
    static CheckResult check(List<TraceFile> files, FailOn failOn, TraceRunner.Keep keep)
            throws InterruptedException, ExecutionException {
        List<CheckedFile> outcomes = new ArrayList<>(files.size());
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (TraceFile f : files) {
                outcomes.add(checkOne(f, keep));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "cxltrace-check");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<CheckedFile>> futures = new ArrayList<>();
                for (TraceFile f : files) {
                    futures.add(pool.submit(() -> checkOne(f, keep)));
                }
                for (Future<CheckedFile> future : futures) {
                    outcomes.add(future.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<TraceResult> traces = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (CheckedFile o : outcomes) {
            if (o instanceof TraceResult t) {
                traces.add(t);
            } else if (o instanceof Unreadable u) {
                unreadable.add(u);
            }
        }
        return new CheckResult(List.copyOf(traces), List.copyOf(unreadable), failOn);
    }

    /** A {@link TraceResult}, or an {@link Unreadable} when the file cannot be read to its end. */
    private static CheckedFile checkOne(TraceFile f, TraceRunner.Keep keep) {
        try (InputStream in = Files.newInputStream(f.path())) {
            TraceReport report = TraceRunner.check(new TraceLines(in), ProfileFileSource.besideTrace(f.path(), f.display()),
                    BuiltInProfiles.DEFAULT, CancelToken.NONE, keep);
            return new TraceResult(f.display(), report);
        } catch (IOException | UncheckedIOException e) {
            return new Unreadable(f.display(), TraceFiles.reason(e));
        }
    }

    /** {@code --format} takes the lower-case names, case-insensitively. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            ReportFormat f = ReportFormat.byOptionName(value);
            if (f == null) {
                List<String> names = new ArrayList<>();
                new ReportFormat.OptionNames().forEach(names::add);
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format; use one of "
                        + String.join(", ", names));
            }
            return f;
        }
    }
}
