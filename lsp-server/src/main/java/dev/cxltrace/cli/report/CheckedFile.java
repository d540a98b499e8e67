package dev.cxltrace.cli.report;

/** What became of one file given to {@code check}: a checked trace, or a file that could not be read. */
public sealed interface CheckedFile permits TraceResult, Unreadable {

    /** The path as the user gave it, or as found under a folder they gave. */
    String path();
}
