package dev.cxltrace.lang.ide;

/**
 * A lens above a line (1-based): its title and the command it runs, {@code command} with the
 * document and {@code runTo}, the last line (1-based) the command runs.
 */
public record CodeLensInfo(int line, String title, String command, int runTo) {
}
