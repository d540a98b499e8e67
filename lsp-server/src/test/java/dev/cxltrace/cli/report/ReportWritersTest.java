package dev.cxltrace.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.syntax.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writers on hand-made results: escaping, URIs and wording that real traces rarely reach. */
class ReportWritersTest {

    private static CheckResult result(String path, FailOn failOn, Diagnostic... diagnostics) {
        TraceReport report = new TraceReport(List.of(diagnostics), List.of(), List.of(), 3);
        return new CheckResult(List.of(new TraceResult(path, report)), List.of(), failOn);
    }

    private static String write(ReportWriter writer, CheckResult result) {
        StringWriter out = new StringWriter();
        writer.write(result, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void githubEscapesMessagesAndProperties() {
        Diagnostic d = Diagnostic.of(new Span(2, 4, 9), DiagnosticCode.W_LOCKED, "50% off:\nline two, and\rthree");
        String out = write(new GithubAnnotationsReport(), result("a,b:c%.cxltrace", FailOn.ERRORS, d));
        assertThat(out.lines()).first().isEqualTo("::warning file=a%2Cb%3Ac%25.cxltrace,line=2,col=5,endColumn=9,title=W-LOCKED"
                + "::50%25 off:%0Aline two, and%0Dthree");
    }

    @Test
    void githubLeavesOutColumnsForAWholeLineAndUsesNoticeForNotes() {
        Diagnostic d = Diagnostic.of(new Span(7, 0, 0), DiagnosticCode.I_SPEC, "note text");
        assertThat(write(new GithubAnnotationsReport(), result("t.cxltrace", FailOn.ERRORS, d)).lines())
                .first().isEqualTo("::notice file=t.cxltrace,line=7,title=I-SPEC::note text");
    }

    @Test
    void sarifUrisAreRelativeReferences() {
        assertThat(SarifReport.uri("traces/a b.cxltrace")).isEqualTo("traces/a%20b.cxltrace");
        assertThat(SarifReport.uri("c:d/x.cxltrace")).isEqualTo("./c:d/x.cxltrace");
        assertThat(SarifReport.uri("/abs/x.cxltrace")).isEqualTo("/abs/x.cxltrace");
        assertThat(SarifReport.uri("é.cxltrace")).isEqualTo("%C3%A9.cxltrace");
    }

    @Test
    void summaryCountsInTheSingularAndThePlural() {
        Diagnostic e = Diagnostic.of(new Span(1, 0, 1), DiagnosticCode.E_EXPECT, "x");
        Diagnostic w = Diagnostic.of(new Span(2, 0, 1), DiagnosticCode.W_RO, "y");
        assertThat(result("t", FailOn.ERRORS, e, w).summary()).isEqualTo("1 trace checked: 1 error, 1 warning, 0 notes; 1 failed");
        assertThat(result("t", FailOn.ERRORS, w).summary()).isEqualTo("1 trace checked: 0 errors, 1 warning, 0 notes; all passed");
        assertThat(result("t", FailOn.WARNINGS, w).summary())
                .isEqualTo("1 trace checked: 0 errors, 1 warning, 0 notes; 1 failed (warnings fail: --werror)");
    }

    @Test
    void junitEscapesMarkupAndDropsControlCharacters() {
        Diagnostic d = Diagnostic.of(new Span(1, 0, 1), DiagnosticCode.E_SYNTAX, "expected <value> & \"quote\"\u0001");
        String xml = write(new JUnitXmlReport(), result("a&b.cxltrace", FailOn.ERRORS, d));
        assertThat(xml).contains("<testsuite name=\"a&amp;b.cxltrace\"")
                .contains("message=\"expected &lt;value&gt; &amp; &quot;quote&quot;\"")
                .doesNotContain("\u0001");
    }

    @Test
    void exitStatusIs2WhenAFileCouldNotBeReadWhateverTheTracesDid() {
        Diagnostic e = Diagnostic.of(new Span(1, 0, 1), DiagnosticCode.E_EXPECT, "x");
        TraceReport report = new TraceReport(List.of(e), List.of(), List.of(), 1);
        CheckResult r = new CheckResult(List.of(new TraceResult("t", report)), List.of(new Unreadable("u", "no such file")),
                FailOn.ERRORS);
        assertThat(r.exitStatus()).isEqualTo(2);
    }

    @Test
    void relatedLocationsReachJsonAndSarif() {
        Diagnostic d = Diagnostic.of(new Span(3, 22, 28), DiagnosticCode.W_LOCKED, "locked",
                List.of(new Related(new Span(2, 0, 0), "set here")));
        CheckResult r = result("t.cxltrace", FailOn.ERRORS, d);
        assertThat(write(new JsonReport(), r)).contains("\"related\": [\n            {\n              \"line\": 2,");
        assertThat(write(new SarifReport(), r)).contains("\"relatedLocations\"").contains("\"text\": \"set here\"");
    }
}
