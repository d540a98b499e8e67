package dev.cxltrace.lang.exec;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Parser;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a whole trace, streaming: each line is parsed, executed and forgotten, keeping only its
 * diagnostics and, for reports, headings and expectation results.
 */
public final class TraceRunner {
    private TraceRunner() {
    }

    public static TraceReport check(Iterator<String> lines, ProfileSource profiles, String defaultProfile, CancelToken cancel) {
        Executor executor = new Executor(profiles, defaultProfile);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<TraceReport.Section> sections = new ArrayList<>();
        List<TraceReport.ExpectationLine> expectations = new ArrayList<>();
        int number = 0;
        while (lines.hasNext()) {
            String text = lines.next();
            number++;
            if ((number & 0x3FF) == 0) {
                cancel.check();
            }
            ParsedLine parsed = Parser.parse(number, text);
            LineOutcome outcome = executor.execute(parsed);
            diagnostics.addAll(outcome.diagnostics());
            if (parsed.statement() instanceof Statement.Heading h) {
                sections.add(new TraceReport.Section(number, h.level(), h.title()));
            }
            if (outcome.isExpectation()) {
                expectations.add(new TraceReport.ExpectationLine(number, text.strip(), outcome.expectation().passed()));
            } else if (isAssertion(parsed.statement())) {
                expectations.add(new TraceReport.ExpectationLine(number, text.strip(), false));
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
        return check(text.lines().iterator(), profiles, dev.cxltrace.device.profile.BuiltInProfiles.DEFAULT, CancelToken.NONE);
    }
}
