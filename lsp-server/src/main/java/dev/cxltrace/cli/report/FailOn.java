package dev.cxltrace.cli.report;

import dev.cxltrace.lang.diag.Severity;

/** Which diagnostics make a trace fail: errors only (the default), or warnings too ({@code --werror}). */
public enum FailOn {
    ERRORS,
    WARNINGS;

    public static FailOn of(boolean werror) {
        return werror ? WARNINGS : ERRORS;
    }

    /** Whether a diagnostic of this severity makes its trace fail. */
    public boolean fails(Severity severity) {
        return severity == Severity.ERROR || (this == WARNINGS && severity == Severity.WARNING);
    }
}
