/**
 * What editors and the command line show of the language, as plain data and Markdown: register
 * documentation ({@link dev.cxltrace.lang.ide.RegisterDoc}), and the editor features, one stateless
 * class each, over an immutable {@link dev.cxltrace.lang.ide.Analysis} of one document version:
 * {@link dev.cxltrace.lang.ide.DiagnosticsService}, {@link dev.cxltrace.lang.ide.HoverService},
 * {@link dev.cxltrace.lang.ide.OutlineService}, {@link dev.cxltrace.lang.ide.FoldingService},
 * {@link dev.cxltrace.lang.ide.InlayHintService}, {@link dev.cxltrace.lang.ide.CompletionService}.
 * Each returns our own records ({@link dev.cxltrace.lang.ide.OutlineNode},
 * {@link dev.cxltrace.lang.ide.FoldingInfo}, {@link dev.cxltrace.lang.ide.InlayHintInfo},
 * {@link dev.cxltrace.lang.ide.Completions} of {@link dev.cxltrace.lang.ide.CompletionEntry}).
 *
 * <p>Invariant: no protocol types; the faces convert. Test: {@code ArchitectureTest}.
 */
package dev.cxltrace.lang.ide;
