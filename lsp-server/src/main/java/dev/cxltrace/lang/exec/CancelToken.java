package dev.cxltrace.lang.exec;

import java.util.concurrent.CancellationException;

/** Asked between statements whether the work is still wanted; throws the JDK's cancellation when not. */
@FunctionalInterface
public interface CancelToken {
    /** Throws {@link CancellationException} if the work was cancelled. */
    void check();

    CancelToken NONE = () -> { };

    static void throwCancelled() {
        throw new CancellationException("cancelled");
    }
}
