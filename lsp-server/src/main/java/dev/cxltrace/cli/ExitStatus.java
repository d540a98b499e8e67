package dev.cxltrace.cli;

/**
 * The exit codes of every command, which is how CI sees the command line. They are constants, not
 * an enum, because picocli's annotations and {@code Callable<Integer>} take plain integers.
 */
public final class ExitStatus {
    private ExitStatus() {
    }

    /** Every trace passed: no errors (and, with {@code --werror}, no warnings). */
    public static final int PASS = 0;
    /** A trace failed: it has an error (or, with {@code --werror}, a warning). */
    public static final int FAILED = 1;
    /** A usage error, or a trace file that could not be read; wins over {@link #FAILED}. */
    public static final int UNUSABLE = 2;
    /** A bug in cxltrace: an exception escaped a command; its stack trace is on standard error. */
    public static final int INTERNAL_ERROR = 3;

    /** The status that reports both: the larger code wins (2 over 1 over 0). */
    public static int worst(int a, int b) {
        return Math.max(a, b);
    }
}
