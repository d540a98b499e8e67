package dev.cxltrace.cli.report;

import dev.cxltrace.cli.ExitStatus;
import dev.cxltrace.lang.diag.Severity;
import java.util.List;

/**
 * What {@code cxltrace check} found, in the order the reports print it: the checked traces in
 * path order (each with its diagnostics in line order), the files that could not be read, and
 * which diagnostics fail a trace.
 */
public record CheckResult(List<TraceResult> traces, List<Unreadable> unreadable, FailOn failOn) {

    public long count(Severity severity) {
        return traces.stream().mapToLong(t -> t.report().count(severity)).sum();
    }

    public long failedTraces() {
        return traces.stream().filter(t -> t.failed(failOn)).count();
    }

    /** 2 if a file could not be read, else 1 if a trace failed, else 0. */
    public int exitStatus() {
        int status = failedTraces() > 0 ? ExitStatus.FAILED : ExitStatus.PASS;
        return unreadable.isEmpty() ? status : ExitStatus.worst(status, ExitStatus.UNUSABLE);
    }

    /**
     * The one-line summary the text and GitHub reports end with:
     * {@code 3 traces checked: 2 errors, 1 warning, 0 notes; 1 failed}, or {@code ...; all passed}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(plural(traces.size(), "trace")).append(" checked: ")
                .append(plural(count(Severity.ERROR), "error")).append(", ")
                .append(plural(count(Severity.WARNING), "warning")).append(", ")
                .append(plural(count(Severity.INFORMATION), "note")).append("; ");
        long failed = failedTraces();
        b.append(failed == 0 ? "all passed" : failed + " failed");
        if (failOn == FailOn.WARNINGS) {
            b.append(" (warnings fail: --werror)");
        }
        if (!unreadable.isEmpty()) {
            b.append("; ").append(plural(unreadable.size(), "file")).append(" could not be read");
        }
        return b.toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
