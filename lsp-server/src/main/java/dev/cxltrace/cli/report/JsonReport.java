package dev.cxltrace.cli.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.syntax.Span;
import java.io.PrintWriter;

/**
 * Our own JSON layout, documented in docs/CLI.md ("JSON report"). It is built by hand, field by
 * field, so the language's types stay free of any serialisation concern and the layout changes
 * only here. {@code formatVersion} changes when a field is removed or changes meaning.
 */
public final class JsonReport implements ReportWriter {
    /** Bumped when the layout changes incompatibly. */
    public static final int FORMAT_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    @Override
    public void write(CheckResult result, PrintWriter out) {
        JsonObject root = new JsonObject();
        root.addProperty("formatVersion", FORMAT_VERSION);
        root.addProperty("werror", result.failOn() == FailOn.WARNINGS);
        JsonArray traces = new JsonArray();
        for (TraceResult t : result.traces()) {
            traces.add(trace(t, result.failOn()));
        }
        root.add("traces", traces);
        JsonArray unreadable = new JsonArray();
        for (Unreadable u : result.unreadable()) {
            JsonObject o = new JsonObject();
            o.addProperty("path", u.path());
            o.addProperty("message", u.reason());
            unreadable.add(o);
        }
        root.add("unreadable", unreadable);
        JsonObject summary = new JsonObject();
        summary.addProperty("traces", result.traces().size());
        summary.addProperty("failed", result.failedTraces());
        summary.addProperty("unreadable", result.unreadable().size());
        summary.addProperty("errors", result.count(Severity.ERROR));
        summary.addProperty("warnings", result.count(Severity.WARNING));
        summary.addProperty("notes", result.count(Severity.INFORMATION));
        summary.addProperty("exitStatus", result.exitStatus());
        root.add("summary", summary);
        out.print(GSON.toJson(root));
        out.print('\n');
    }

    private static JsonObject trace(TraceResult t, FailOn failOn) {
        TraceReport r = t.report();
        JsonObject o = new JsonObject();
        o.addProperty("path", t.path());
        o.addProperty("lines", r.lines());
        o.addProperty("passed", !t.failed(failOn));
        o.addProperty("errors", r.count(Severity.ERROR));
        o.addProperty("warnings", r.count(Severity.WARNING));
        o.addProperty("notes", r.count(Severity.INFORMATION));
        JsonArray diagnostics = new JsonArray();
        for (Diagnostic d : r.diagnostics()) {
            diagnostics.add(diagnostic(d));
        }
        o.add("diagnostics", diagnostics);
        JsonArray sections = new JsonArray();
        for (TraceReport.Section s : r.sections()) {
            JsonObject so = new JsonObject();
            so.addProperty("line", s.line());
            so.addProperty("level", s.level());
            so.addProperty("title", s.title());
            sections.add(so);
        }
        o.add("sections", sections);
        JsonArray expectations = new JsonArray();
        for (TraceReport.ExpectationLine e : r.expectations()) {
            JsonObject eo = new JsonObject();
            eo.addProperty("line", e.line());
            eo.addProperty("text", e.text());
            eo.addProperty("passed", e.passed());
            expectations.add(eo);
        }
        o.add("expectations", expectations);
        return o;
    }

    private static JsonObject diagnostic(Diagnostic d) {
        JsonObject o = new JsonObject();
        position(o, d.span());
        o.addProperty("severity", d.severity().label());
        o.addProperty("code", d.code().code());
        o.addProperty("message", d.message());
        JsonArray related = new JsonArray();
        for (Related r : d.related()) {
            JsonObject ro = new JsonObject();
            position(ro, r.span());
            ro.addProperty("message", r.message());
            related.add(ro);
        }
        o.add("related", related);
        return o;
    }

    /** {@code line}, {@code column} (1-based) and {@code endColumn} (1-based, exclusive), as in SARIF. */
    private static void position(JsonObject o, Span s) {
        o.addProperty("line", s.line());
        o.addProperty("column", Columns.start(s));
        o.addProperty("endColumn", Columns.endExclusive(s));
    }
}
