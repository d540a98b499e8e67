package dev.cxltrace.device.profile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON profile file (TRACE-LANGUAGE.md §1): an object whose keys are parameter names and
 * whose values are JSON numbers and booleans, or strings written as in a trace ({@code "256M"},
 * {@code "0x40_0000_0000"}). Parameters not named keep the built-in {@code type2} values. The
 * caller reads the file; this class only parses text, so it never fails with an exception.
 */
public final class ProfileLoader {
    private ProfileLoader() {
    }

    /**
     * Parses {@code json}; {@code source} names the file in messages. Returns a builder to which
     * the {@code device} line's overrides still apply, or the messages of every refused entry.
     */
    public static Loaded parse(String source, String json) {
        JsonElement root;
        try {
            root = parseStrict(json);
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            // Gson appends a troubleshooting link and suggests lenient parsing; keep the position only.
            why = why.lines().findFirst().orElse(why)
                    .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
            return new Loaded(null, List.of("profile " + source + " is not valid JSON: " + why));
        }
        if (!root.isJsonObject()) {
            return new Loaded(null, List.of("profile " + source + " must be a JSON object of parameter names and values, "
                    + "like {\"hdm_size\": \"1G\"}"));
        }
        ProfileBuilder builder = ProfileBuilder.from(DeviceProfile.type2()).named(source);
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : ((JsonObject) root).entrySet()) {
            set(builder, e.getKey(), e.getValue()).ifPresent(m -> errors.add("profile " + source + ": " + m));
        }
        return new Loaded(errors.isEmpty() ? builder : null, List.copyOf(errors));
    }

    /**
     * One JSON value and nothing after it, read strictly: {@code JsonParser.parseString} is
     * lenient and would accept unquoted names and values, single quotes, comments and {@code =},
     * which are not JSON (TRACE-LANGUAGE.md §1), so a file other tools refuse would load here.
     */
    private static JsonElement parseStrict(String json) {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root = JsonParser.parseReader(reader);   // keeps STRICT; only LEGACY_STRICT is relaxed
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("text after the JSON value at " + reader.getPath());
            }
        } catch (IOException e) {
            throw new JsonSyntaxException(e);
        }
        return root;
    }

    private static Optional<String> set(ProfileBuilder builder, String key, JsonElement value) {
        Optional<Parameter> p = Parameter.byName(key);
        if (p.isEmpty()) {
            return builder.set(key, "");   // the builder's message lists the known names
        }
        if (!value.isJsonPrimitive()) {
            return Optional.of(key + " must be a number, a boolean or a string; " + key + " takes " + p.get().accepted());
        }
        JsonPrimitive v = value.getAsJsonPrimitive();
        if (v.isBoolean()) {
            return p.get().isBoolean() ? builder.setBoolean(p.get(), v.getAsBoolean())
                    : Optional.of(key + "=" + v.getAsBoolean() + " is not accepted; " + key + " takes " + p.get().accepted());
        }
        if (v.isNumber()) {
            String text = v.getAsString();
            if (!p.get().isNumeric()) {
                return Optional.of(key + "=" + text + " is not accepted; " + key + " takes " + p.get().accepted());
            }
            return builder.set(p.get(), text);
        }
        return builder.set(p.get(), v.getAsString());
    }

    /** A parsed profile file: a builder, or the messages of what was refused. */
    public record Loaded(ProfileBuilder builder, List<String> errors) {
        public boolean ok() {
            return builder != null;
        }
    }
}
