package dev.cxltrace.cli.report;

import java.io.PrintWriter;

/** Writes what {@code cxltrace check} found in one format (docs/CLI.md describes each). */
public interface ReportWriter {

    /** Writes the whole report; the caller flushes. */
    void write(CheckResult result, PrintWriter out);
}
