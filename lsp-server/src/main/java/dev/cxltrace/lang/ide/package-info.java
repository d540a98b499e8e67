/**
 * What editors and the command line show of the language, as plain data and Markdown: register
 * documentation now, hovers and completions as the server grows.
 *
 * <p>Invariant: no protocol types; the faces convert. Test: {@code ArchitectureTest}.
 */
package dev.cxltrace.lang.ide;
