package dev.cxltrace.cli.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.syntax.Span;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0, one run: the rules are the diagnostic codes the run used, in the order of
 * {@link DiagnosticCode}, each with its help text; a result per diagnostic, with its related
 * locations. Artifact URIs are the paths as given, relative references that code-scanning
 * services resolve against the checkout. Columns are UTF-16 code units, as Java strings count.
 * Files that could not be read are tool execution notifications, and make the invocation fail.
 */
public final class SarifReport implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    @Override
    public void write(CheckResult result, PrintWriter out) {
        Set<DiagnosticCode> used = EnumSet.noneOf(DiagnosticCode.class);
        for (TraceResult t : result.traces()) {
            for (Diagnostic d : t.report().diagnostics()) {
                used.add(d.code());
            }
        }
        Map<DiagnosticCode, Integer> ruleIndex = new HashMap<>();
        JsonArray rules = new JsonArray();
        for (DiagnosticCode c : used) {
            ruleIndex.put(c, rules.size());
            rules.add(rule(c));
        }

        JsonObject driver = new JsonObject();
        driver.addProperty("name", "cxltrace");
        String version = CheckResult.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.addProperty("version", version);
        }
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        for (TraceResult t : result.traces()) {
            String uri = uri(t.path());
            for (Diagnostic d : t.report().diagnostics()) {
                results.add(result(d, uri, ruleIndex.get(d.code())));
            }
        }

        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", result.unreadable().isEmpty());
        if (!result.unreadable().isEmpty()) {
            JsonArray notifications = new JsonArray();
            for (Unreadable u : result.unreadable()) {
                JsonObject n = new JsonObject();
                n.addProperty("level", "error");
                n.add("message", text(u.message()));
                JsonObject physical = new JsonObject();
                physical.add("artifactLocation", artifact(uri(u.path())));
                JsonObject location = new JsonObject();
                location.add("physicalLocation", physical);
                JsonArray locations = new JsonArray();
                locations.add(location);
                n.add("locations", locations);
                notifications.add(n);
            }
            invocation.add("toolExecutionNotifications", notifications);
        }
        JsonArray invocations = new JsonArray();
        invocations.add(invocation);

        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("invocations", invocations);
        run.addProperty("columnKind", "utf16CodeUnits");
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);

        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        out.print(GSON.toJson(log));
        out.print('\n');
    }

    private static JsonObject rule(DiagnosticCode c) {
        JsonObject r = new JsonObject();
        r.addProperty("id", c.code());
        r.add("shortDescription", text(c.help()));
        r.add("fullDescription", text(c.help()));
        r.add("help", text(c.help()));
        JsonObject configuration = new JsonObject();
        configuration.addProperty("level", level(c.severity()));
        r.add("defaultConfiguration", configuration);
        return r;
    }

    private static JsonObject result(Diagnostic d, String uri, int ruleIndex) {
        JsonObject r = new JsonObject();
        r.addProperty("ruleId", d.code().code());
        r.addProperty("ruleIndex", ruleIndex);
        r.addProperty("level", level(d.severity()));
        r.add("message", text(d.message()));
        JsonArray locations = new JsonArray();
        locations.add(location(uri, d.span(), null, -1));
        r.add("locations", locations);
        List<Related> related = d.related();
        if (!related.isEmpty()) {
            JsonArray relatedLocations = new JsonArray();
            for (int i = 0; i < related.size(); i++) {
                relatedLocations.add(location(uri, related.get(i).span(), related.get(i).message(), i));
            }
            r.add("relatedLocations", relatedLocations);
        }
        return r;
    }

    /** A location in the trace; {@code id} and {@code message} only for related locations ({@code id} &lt; 0: none). */
    private static JsonObject location(String uri, Span span, String message, int id) {
        JsonObject region = new JsonObject();
        region.addProperty("startLine", span.line());
        if (Columns.hasRange(span)) {
            region.addProperty("startColumn", Columns.start(span));
            region.addProperty("endColumn", Columns.endExclusive(span));
        } else if (span.start() > 0) {
            region.addProperty("startColumn", Columns.start(span));
        }
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact(uri));
        physical.add("region", region);
        JsonObject location = new JsonObject();
        if (id >= 0) {
            location.addProperty("id", id);
        }
        location.add("physicalLocation", physical);
        if (message != null) {
            location.add("message", text(message));
        }
        return location;
    }

    private static JsonObject artifact(String uri) {
        JsonObject a = new JsonObject();
        a.addProperty("uri", uri);
        return a;
    }

    private static JsonObject text(String text) {
        JsonObject m = new JsonObject();
        m.addProperty("text", text);
        return m;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION -> "note";
        };
    }

    /**
     * The path as a URI reference: {@code /} separators, and characters a URI may not hold
     * percent-encoded. A first segment with a colon would read as a scheme, so it gets {@code ./}.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        if (first.contains(":")) {
            p = "./" + p;
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("path " + path + " does not make a URI reference", e);
        }
    }
}
