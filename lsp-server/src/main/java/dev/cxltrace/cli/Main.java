package dev.cxltrace.cli;

import picocli.CommandLine;

/** The jar's entry point: the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CxltraceCommand()).execute(args));
    }
}
