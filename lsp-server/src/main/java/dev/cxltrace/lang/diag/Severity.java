package dev.cxltrace.lang.diag;

/** How serious a diagnostic is; the command line prints {@code error}, {@code warning}, {@code note}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFORMATION("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word a compiler would print. */
    public String label() {
        return label;
    }
}
