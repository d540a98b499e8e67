/**
 * The trace language's lexer and parser (TRACE-LANGUAGE.md).
 *
 * <p>Invariant: every line parses on its own to a statement or one syntax diagnostic with an
 * exact range; the parser never throws on user input. Tests: the golden traces and
 * {@code ParserPropertiesTest}.
 */
package dev.cxltrace.lang.syntax;
