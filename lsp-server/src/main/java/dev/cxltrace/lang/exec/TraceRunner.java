package dev.cxltrace.lang.exec;

import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Parser;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Checks a whole trace, streaming: each line is parsed, executed and forgotten, keeping only its
 * diagnostics and, for reports, headings and expectation results.
 *
 * <p>Lines parse on their own, so a second thread reads and parses batches of lines while this
 * one executes them in order; the device state still depends only on the lines before.
 */
public final class TraceRunner {
    private TraceRunner() {
    }

    private static final int BATCH = 1024;
    private static final int CACHE_LINES = 1 << 14;

    /** What to keep besides diagnostics. */
    public enum Keep {
        /** Diagnostics and section headings. */
        DIAGNOSTICS,
        /** Also each expectation line with its text, for reports that list test cases. */
        EXPECTATIONS
    }

    public static TraceReport check(Iterator<String> lines, ProfileSource profiles, String defaultProfile, CancelToken cancel) {
        return check(lines, profiles, defaultProfile, cancel, Keep.EXPECTATIONS);
    }

    public static TraceReport check(Iterator<String> lines, ProfileSource profiles, String defaultProfile, CancelToken cancel,
            Keep keep) {
        Executor executor = new Executor(profiles, defaultProfile);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<TraceReport.Section> sections = new ArrayList<>();
        List<TraceReport.ExpectationLine> expectations = new ArrayList<>();
        int number = 0;
        try (ParsingThread parser = new ParsingThread(lines)) {
            for (ParsedLine[] batch = parser.take(); batch.length > 0; batch = parser.take()) {
                cancel.check();
                for (ParsedLine parsed : batch) {
                    number = parsed.number();
                    LineOutcome outcome = executor.execute(parsed);
                    if (!outcome.diagnostics().isEmpty()) {
                        diagnostics.addAll(outcome.diagnostics());
                    }
                    Statement s = parsed.statement();
                    if (s instanceof Statement.Heading h) {
                        sections.add(new TraceReport.Section(number, h.level(), h.title()));
                    } else if (keep == Keep.EXPECTATIONS && (outcome.isExpectation() || isAssertion(s))) {
                        boolean passed = outcome.isExpectation() && outcome.expectation().passed();
                        expectations.add(new TraceReport.ExpectationLine(number, parsed.text().strip(), passed));
                    }
                }
            }
        }
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new TraceReport(List.copyOf(diagnostics), List.copyOf(sections), List.copyOf(expectations), number);
    }

    /** An expectation that could not be evaluated (a name error, a failed read) still counts, as failed. */
    private static boolean isAssertion(Statement s) {
        return s instanceof Statement.Expect || (s instanceof Statement.Access a && a.expected() != null);
    }

    /** Convenience for a trace held in memory. */
    public static TraceReport check(String text, ProfileSource profiles) {
        return check(text.lines().iterator(), profiles, BuiltInProfiles.DEFAULT, CancelToken.NONE);
    }

    /** Reads and parses batches of lines ahead of the executor; an empty batch ends the trace. */
    private static final class ParsingThread implements AutoCloseable {
        private static final ParsedLine[] END = new ParsedLine[0];
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile boolean stopped;

        ParsingThread(Iterator<String> lines) {
            thread = new Thread(() -> run(lines), "cxltrace-parser");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(Iterator<String> lines) {
            try {
                int number = 0;
                Map<String, ParsedLine> seen = new HashMap<>();
                while (!stopped) {
                    ParsedLine[] batch = new ParsedLine[BATCH];
                    int n = 0;
                    while (n < BATCH && lines.hasNext()) {
                        batch[n++] = parse(++number, lines.next(), seen);
                    }
                    if (n == 0) {
                        break;
                    }
                    queue.put(n == BATCH ? batch : java.util.Arrays.copyOf(batch, n));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * Traces repeat lines (polling reads, commit cycles), and a line parses the same wherever
         * it is: accesses and expects parsed once are reused, with the line's own number (the
         * executor moves their diagnostics to it). Device lines and headings are always parsed.
         */
        private static ParsedLine parse(int number, String text, Map<String, ParsedLine> seen) {
            ParsedLine known = seen.get(text);
            if (known != null) {
                return new ParsedLine(number, text, known.statement(), known.errors(), known.tokens());
            }
            ParsedLine parsed = Parser.parse(number, text);
            Statement s = parsed.statement();
            if (s instanceof Statement.Access || s instanceof Statement.Expect) {
                if (seen.size() >= CACHE_LINES) {
                    seen.clear();
                }
                seen.put(text, parsed);
            }
            return parsed;
        }

        ParsedLine[] take() {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (o instanceof RuntimeException e) {
                throw e;
            }
            if (o instanceof Error e) {
                throw e;
            }
            return (ParsedLine[]) o;
        }

        @Override
        public void close() {
            stopped = true;
            thread.interrupt();
        }
    }
}
