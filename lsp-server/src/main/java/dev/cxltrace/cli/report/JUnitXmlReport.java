package dev.cxltrace.cli.report;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.TraceReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JUnit XML, as CI servers read test results: a {@code testsuite} per trace; in it, in line
 * order, a {@code testcase} per section (its heading's line up to the next heading), one named
 * {@code preamble} for the lines before the first heading (when there are any), and one per
 * expectation ({@code expect}, or a read with {@code = EXPECTED}). A section or the preamble fails
 * when one of its lines has a failing diagnostic (an error; with {@code --werror} a warning too),
 * and lists its other diagnostics in {@code system-out}; an expectation fails when it does not
 * hold. A file that could not be read is a suite with one errored case. The XML is written by
 * hand, so its bytes do not depend on the JDK's serializer.
 */
public final class JUnitXmlReport implements ReportWriter {

    /** One test case before it is written. */
    private record Case(String name, int line, List<Diagnostic> failures, List<Diagnostic> others, String failureMessage) {
        boolean failed() {
            return failureMessage != null;
        }
    }

    @Override
    public void write(CheckResult result, PrintWriter out) {
        List<List<Case>> suites = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        for (TraceResult t : result.traces()) {
            List<Case> cases = cases(t, result.failOn());
            suites.add(cases);
            tests += cases.size();
            failures += (int) cases.stream().filter(Case::failed).count();
        }
        int errors = result.unreadable().size();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"cxltrace\" tests=\"").append(tests + errors).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\">\n");
        for (int i = 0; i < suites.size(); i++) {
            suite(b, result.traces().get(i).path(), suites.get(i));
        }
        for (Unreadable u : result.unreadable()) {
            String path = attr(u.path());
            b.append("  <testsuite name=\"").append(path).append("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" file=\"")
                    .append(path).append("\">\n");
            b.append("    <testcase name=\"read\" classname=\"").append(path).append("\" file=\"").append(path).append("\">\n");
            b.append("      <error message=\"").append(attr(u.message())).append("\" type=\"unreadable\"/>\n");
            b.append("    </testcase>\n  </testsuite>\n");
        }
        b.append("</testsuites>\n");
        out.print(b);
    }

    private static void suite(StringBuilder b, String path, List<Case> cases) {
        String p = attr(path);
        long failed = cases.stream().filter(Case::failed).count();
        b.append("  <testsuite name=\"").append(p).append("\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failed).append("\" errors=\"0\" skipped=\"0\" file=\"").append(p).append("\">\n");
        for (Case c : cases) {
            b.append("    <testcase name=\"").append(attr(c.name())).append("\" classname=\"").append(p)
                    .append("\" file=\"").append(p).append("\" line=\"").append(c.line()).append('"');
            if (!c.failed() && c.others().isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            if (c.failed()) {
                String type = c.failures().isEmpty() ? "E-EXPECT" : c.failures().get(0).code().code();
                b.append("      <failure message=\"").append(attr(c.failureMessage())).append("\" type=\"").append(type)
                        .append("\">").append(text(lines(path, c.failures()))).append("</failure>\n");
            }
            if (!c.others().isEmpty()) {
                b.append("      <system-out>").append(text(lines(path, c.others()))).append("</system-out>\n");
            }
            b.append("    </testcase>\n");
        }
        b.append("  </testsuite>\n");
    }

    private static List<Case> cases(TraceResult t, FailOn failOn) {
        TraceReport r = t.report();
        List<Case> cases = new ArrayList<>();
        List<TraceReport.Section> sections = r.sections();
        int firstHeading = sections.isEmpty() ? r.lines() + 1 : sections.get(0).line();
        if (firstHeading > 1) {
            cases.add(lineRange("preamble", 1, firstHeading, r, failOn));
        }
        for (int i = 0; i < sections.size(); i++) {
            TraceReport.Section s = sections.get(i);
            int end = i + 1 < sections.size() ? sections.get(i + 1).line() : r.lines() + 1;
            cases.add(lineRange(s.title(), s.line(), end, r, failOn));
        }
        for (TraceReport.ExpectationLine e : r.expectations()) {
            List<Diagnostic> failing = new ArrayList<>();
            List<Diagnostic> others = new ArrayList<>();
            for (Diagnostic d : r.diagnostics()) {
                if (d.line() == e.line()) {
                    (failOn.fails(d.severity()) ? failing : others).add(d);
                }
            }
            String message = e.passed() ? null : failing.isEmpty() ? "the expectation does not hold" : failing.get(0).message();
            cases.add(new Case("line " + e.line() + ": " + e.text(), e.line(), e.passed() ? List.of() : failing,
                    e.passed() ? others : List.of(), message));
        }
        cases.sort(Comparator.comparingInt(Case::line));
        return cases;
    }

    /** The case for lines {@code [from, to)}: failed by its failing diagnostics. */
    private static Case lineRange(String name, int from, int to, TraceReport r, FailOn failOn) {
        List<Diagnostic> failing = new ArrayList<>();
        List<Diagnostic> others = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.line() >= from && d.line() < to) {
                (failOn.fails(d.severity()) ? failing : others).add(d);
            }
        }
        return new Case(name, from, failing, others, failing.isEmpty() ? null : failing.get(0).message());
    }

    private static String lines(String path, List<Diagnostic> diagnostics) {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            b.append(TextReport.line(path, d)).append('\n');
        }
        return b.toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /** Escapes markup, and drops the control characters XML 1.0 cannot hold. */
    private static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
