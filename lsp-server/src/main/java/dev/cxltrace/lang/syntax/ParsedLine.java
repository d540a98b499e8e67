package dev.cxltrace.lang.syntax;

import dev.cxltrace.lang.diag.Diagnostic;
import java.util.List;

/**
 * One line of a trace after parsing: its statement (null for blank and comment lines, and for a
 * line with a syntax error) and its syntax diagnostics. Every line parses on its own.
 */
public record ParsedLine(int number, String text, Statement statement, List<Diagnostic> errors, List<Token> tokens) {

    public boolean hasStatement() {
        return statement != null;
    }
}
