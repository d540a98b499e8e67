package dev.cxltrace.cli;

import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.exec.TraceRunner;

/**
 * Loads and initialises the register catalog, the device and the checker on a second thread
 * while picocli builds its command model on the first: each takes about a third of a short
 * {@code check}'s start-up, and machines have two cores or more (docs/CLI.md, "Start-up").
 *
 * <p>Class initialisation is not shared: a command calls {@link #await} before it touches the
 * language or the device, so no class of theirs is ever initialised by both threads at once,
 * which could deadlock. Until then the main thread runs only picocli and this package.
 */
final class Warmup {
    /** Lines that reach the catalog, the device, the resolvers and the messages, as a real trace does. */
    private static final String TRACE = String.join("\n",
            "## warm-up",
            "device type2",
            "r16 cfg dvsec.lock = {CONFIG_LOCK=0}",
            "w16 cfg dvsec.lock {CONFIG_LOCK=1}",
            "w16 cfg dvsec.control {MEM_ENABLE=0, ..}",
            "r32 comp hdm.decoder0.ctrl = {COMMITTED=1}",
            "r16 comp 0x1000",
            "expect info.flags.cxl == 1");

    private static Thread thread;
    private static volatile Throwable failure;

    private Warmup() {
    }

    /** Starts the warm-up once; later calls do nothing. */
    static synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(() -> {
            try {
                TraceRunner.check(TRACE, ProfileSource.NONE);
            } catch (Throwable t) {   // kept for await(), which reports it with its cause
                failure = t;
            }
        }, "cxltrace-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the warm-up to finish; a failure there is a bug, reported with its cause. */
    static void await() {
        Thread t;
        synchronized (Warmup.class) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure != null) {
            throw new IllegalStateException("initialising the device model failed: " + failure, failure);
        }
    }
}
