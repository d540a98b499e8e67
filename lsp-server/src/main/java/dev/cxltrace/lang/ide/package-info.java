/**
 * What editors and the command line show of the language, as plain data and Markdown: register
 * documentation ({@link dev.cxltrace.lang.ide.RegisterDoc}), and the editor features, one stateless
 * class each, over an immutable {@link dev.cxltrace.lang.ide.Analysis} of one document version:
 * {@link dev.cxltrace.lang.ide.DiagnosticsService}, {@link dev.cxltrace.lang.ide.HoverService},
 * {@link dev.cxltrace.lang.ide.OutlineService}, {@link dev.cxltrace.lang.ide.FoldingService},
 * {@link dev.cxltrace.lang.ide.InlayHintService}, {@link dev.cxltrace.lang.ide.CompletionService},
 * {@link dev.cxltrace.lang.ide.SemanticTokensService}, {@link dev.cxltrace.lang.ide.FormattingService},
 * {@link dev.cxltrace.lang.ide.CodeActionService}, {@link dev.cxltrace.lang.ide.CodeLensService} and
 * {@link dev.cxltrace.lang.ide.TranscriptService} (the text of {@code run}, written by
 * {@link dev.cxltrace.lang.ide.Transcript}, which the command line shares).
 * Each returns our own records ({@link dev.cxltrace.lang.ide.OutlineNode},
 * {@link dev.cxltrace.lang.ide.FoldingInfo}, {@link dev.cxltrace.lang.ide.InlayHintInfo},
 * {@link dev.cxltrace.lang.ide.Completions} of {@link dev.cxltrace.lang.ide.CompletionEntry},
 * {@link dev.cxltrace.lang.ide.SemanticTokenInfo}, {@link dev.cxltrace.lang.ide.TextEditInfo},
 * {@link dev.cxltrace.lang.ide.CodeActionInfo}, {@link dev.cxltrace.lang.ide.CodeLensInfo}).
 *
 * <p>An {@link dev.cxltrace.lang.ide.Analysis} of an edited text is made from the previous
 * version's ({@link dev.cxltrace.lang.ide.Analysis#next}), re-running from the nearest checkpoint
 * before the first changed line; {@link dev.cxltrace.lang.ide.TextEdits} applies an editor's change.
 *
 * <p>Invariants: no protocol types; the faces convert. Test: {@code ArchitectureTest}. An analysis
 * made incrementally equals a full one of the same text. Test: {@code IncrementalAnalysisTest}.
 * Formatting never changes a trace's diagnostics and is idempotent. Test: {@code FormattingServiceTest}.
 */
package dev.cxltrace.lang.ide;
