/**
 * The command line: {@code cxltrace check}, {@code run}, {@code doc} and {@code lsp} (docs/CLI.md).
 *
 * <p>Invariant: a command parses its options, calls {@code dev.cxltrace.lang}, and hands the result
 * to a writer; it holds no write semantics and describes no register (the catalog and
 * {@code lang.ide.RegisterDoc} do). Only {@link dev.cxltrace.cli.Main} exits the JVM; every
 * command returns an {@link dev.cxltrace.cli.ExitStatus} code, so tests run commands in-process
 * ({@code CheckCommandTest}) and the packaged jar as a process ({@code CliProcessTest}).
 */
package dev.cxltrace.cli;
