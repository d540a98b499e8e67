/**
 * Diagnostics and their stable codes, documented one line each in docs/DIAGNOSTICS.md.
 *
 * <p>Invariant: codes are public API (SARIF rule ids, JUnit XML, editors): added, never renamed.
 * Test: {@code DiagnosticsDocTest}.
 */
package dev.cxltrace.lang.diag;
