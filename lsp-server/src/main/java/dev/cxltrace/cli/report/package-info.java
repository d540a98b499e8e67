/**
 * The report formats of {@code cxltrace check}: one {@link dev.cxltrace.cli.report.ReportWriter}
 * per {@link dev.cxltrace.cli.report.ReportFormat}, documented in docs/CLI.md.
 *
 * <p>Invariant: a writer only lays out a {@link dev.cxltrace.cli.report.CheckResult}; it decides
 * nothing about the trace. The language's types are never made serialisable: each writer builds
 * its JSON or XML by hand, field by field, so a format changes only in its writer, and the same
 * input always gives the same bytes (no timings, no maps without order). Tests:
 * {@code ReportWritersTest}, and {@code CliProcessTest} for every format from the packaged jar,
 * SARIF against the published SARIF 2.1.0 schema.
 */
package dev.cxltrace.cli.report;
