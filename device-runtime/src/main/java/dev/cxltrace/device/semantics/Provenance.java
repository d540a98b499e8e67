package dev.cxltrace.device.semantics;

/**
 * Who caused a state change: a line of the trace that drives the device, or a profile parameter
 * that set the value at creation. The device stores it beside every gate it sets and hands it back
 * unchanged in each {@link Drop}, so the checker can name the setter of a lock.
 */
public sealed interface Provenance {

    /** A statement of the trace, by its 1-based line number. */
    record Line(int number) implements Provenance {
        @Override
        public String toString() {
            return "line " + number;
        }
    }

    /** A device profile parameter, by its name (for example {@code config_lock}). */
    record Parameter(String name) implements Provenance {
        @Override
        public String toString() {
            return "profile " + name;
        }
    }

    static Provenance line(int number) {
        return new Line(number);
    }

    static Provenance parameter(String name) {
        return new Parameter(name);
    }
}
