package dev.cxltrace.cli.report;

/** A trace file that could not be read, and why (a message without the path). */
public record Unreadable(String path, String reason) implements CheckedFile {

    /** {@code cannot read traces/a.cxltrace: permission denied}. */
    public String message() {
        return "cannot read " + path + ": " + reason;
    }
}
