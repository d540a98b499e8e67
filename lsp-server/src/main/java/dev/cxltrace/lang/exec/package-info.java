/**
 * Runs traces against the device: one outcome per line, checkpoints, and the streaming checker.
 *
 * <p>Invariant: the state after line N depends only on lines 1..N, so any line can re-run from a
 * checkpoint. The core does no I/O: profile files arrive through {@code ProfileSource}.
 * Tests: the golden traces, {@code ExamplesTest}.
 */
package dev.cxltrace.lang.exec;
