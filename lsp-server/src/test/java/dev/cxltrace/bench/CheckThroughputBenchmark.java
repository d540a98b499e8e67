package dev.cxltrace.bench;

import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.exec.TraceRunner;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Steady-state check throughput: lines per second through parse, execute and diagnostics, as
 * {@code cxltrace check} runs them, on a generated realistic trace held in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckThroughputBenchmark {
    static final int LINES = 200_000;
    private List<String> lines;

    @Setup
    public void generate() throws IOException {
        StringWriter w = new StringWriter();
        TraceGenerator.write(LINES, 7, w);
        lines = w.toString().lines().toList();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public TraceReport checkLines() {
        TraceReport r = TraceRunner.check(lines.iterator(), ProfileSource.NONE, BuiltInProfiles.DEFAULT, CancelToken.NONE,
                TraceRunner.Keep.DIAGNOSTICS);
        if (r.lines() != LINES || !r.diagnostics().isEmpty()) {
            throw new IllegalStateException("the generated trace must check clean: " + r.diagnostics());
        }
        return r;
    }
}
