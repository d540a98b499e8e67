/**
 * The language server ({@code cxltrace lsp}): LSP4J in, {@code dev.cxltrace.lang.ide} in the
 * middle, LSP4J out. {@link dev.cxltrace.lsp.ToLsp} and {@link dev.cxltrace.lsp.FromLsp} convert by
 * hand; handlers make no decisions of their own.
 *
 * <p>Invariants: the server never writes files (it reads only the profile files a document's
 * device line names); it does not depend on {@code dap} or {@code cli}; a request that fails is
 * logged and answers empty. Test: {@code ArchitectureTest}, {@code LanguageServerTest}.
 */
package dev.cxltrace.lsp;
