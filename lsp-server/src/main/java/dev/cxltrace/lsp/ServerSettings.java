package dev.cxltrace.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.ide.Analysis;

/**
 * The server's settings, from the {@code initializationOptions} of {@code initialize}
 * ({@code {"checkpointInterval": 1000, "defaultProfile": "type2", "diagnosticsDocs": "file:///…/docs/DIAGNOSTICS.md"}}) and from
 * {@code workspace/didChangeConfiguration} (the same object under {@code "cxltrace"}). Passed
 * explicitly to whoever needs them; a setting that is absent or malformed keeps its current value.
 *
 * @param checkpointInterval statements between the device checkpoints an edit re-runs from
 * @param defaultProfile     the built-in profile of a trace without a device line
 * @param diagnosticsDocs    the URI of docs/DIAGNOSTICS.md that each diagnostic's {@code codeDescription}
 *                           links to (with the code's anchor), or null for no link
 */
public record ServerSettings(int checkpointInterval, String defaultProfile, String diagnosticsDocs) {
    public static final ServerSettings DEFAULT = new ServerSettings(1000, BuiltInProfiles.DEFAULT);

    public ServerSettings {
        checkpointInterval = Math.max(1, checkpointInterval);
        defaultProfile = defaultProfile == null || defaultProfile.isBlank() ? BuiltInProfiles.DEFAULT : defaultProfile;
        diagnosticsDocs = diagnosticsDocs == null || diagnosticsDocs.isBlank() ? null : diagnosticsDocs;
    }

    public ServerSettings(int checkpointInterval, String defaultProfile) {
        this(checkpointInterval, defaultProfile, null);
    }

    /** The link of {@code code}'s line in docs/DIAGNOSTICS.md, or null without {@link #diagnosticsDocs}. */
    public String diagnosticsHref(dev.cxltrace.lang.diag.DiagnosticCode code) {
        if (diagnosticsDocs == null) {
            return null;
        }
        int hash = diagnosticsDocs.indexOf('#');
        return (hash < 0 ? diagnosticsDocs : diagnosticsDocs.substring(0, hash)) + "#" + code.anchor();
    }

    /** The options of {@code lang.ide} these settings stand for. */
    public Analysis.Options analysisOptions() {
        return new Analysis.Options(checkpointInterval, defaultProfile);
    }

    /** These settings updated from the JSON object {@code options} (LSP4J hands it over as a Gson tree); others leave them. */
    public ServerSettings with(Object options) {
        if (!(options instanceof JsonObject o)) {
            return this;
        }
        int interval = checkpointInterval;
        String profile = defaultProfile;
        if (o.get("checkpointInterval") instanceof JsonPrimitive p && p.isNumber()) {
            interval = p.getAsInt();
        }
        if (o.get("defaultProfile") instanceof JsonPrimitive p && p.isString()
                && BuiltInProfiles.byName(p.getAsString()).isPresent()) {
            profile = p.getAsString();
        }
        String docs = diagnosticsDocs;
        if (o.get("diagnosticsDocs") instanceof JsonPrimitive p && p.isString() && isUri(p.getAsString())) {
            docs = p.getAsString();
        }
        return new ServerSettings(interval, profile, docs);
    }

    private static boolean isUri(String s) {
        try {
            return new java.net.URI(s).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** These settings updated from a {@code didChangeConfiguration} payload: the object under {@code "cxltrace"}. */
    public ServerSettings withConfiguration(Object settings) {
        if (settings instanceof JsonObject o) {
            JsonElement ours = o.get("cxltrace");
            return with(ours);
        }
        return this;
    }
}
