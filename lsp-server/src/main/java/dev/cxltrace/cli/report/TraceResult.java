package dev.cxltrace.cli.report;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.TraceReport;

/** One checked trace: its path as the user gave it (or as found under a directory they gave), and what checking found. */
public record TraceResult(String path, TraceReport report) implements CheckedFile {

    public boolean failed(FailOn failOn) {
        for (Diagnostic d : report.diagnostics()) {
            if (failOn.fails(d.severity())) {
                return true;
            }
        }
        return false;
    }
}
