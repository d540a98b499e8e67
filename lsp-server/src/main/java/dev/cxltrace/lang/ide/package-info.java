/**
 * What editors and the command line show of the language, as plain data and Markdown: register
 * documentation ({@link dev.cxltrace.lang.ide.RegisterDoc}), and the editor features, one stateless
 * class each, over an immutable {@link dev.cxltrace.lang.ide.Analysis} of one document version:
 * {@link dev.cxltrace.lang.ide.DiagnosticsService}, {@link dev.cxltrace.lang.ide.HoverService}.
 *
 * <p>Invariant: no protocol types; the faces convert. Test: {@code ArchitectureTest}.
 */
package dev.cxltrace.lang.ide;
