/**
 * Names to registers, fields and expect targets, through the register catalog, with
 * did-you-mean for unknown names.
 *
 * <p>Invariant: resolution errors are diagnostics, never exceptions; nothing here knows LSP4J,
 * picocli or the file system. Test: {@code ArchitectureTest}.
 */
package dev.cxltrace.lang.resolve;
