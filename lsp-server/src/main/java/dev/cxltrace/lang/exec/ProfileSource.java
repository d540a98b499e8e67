package dev.cxltrace.lang.exec;

/**
 * Reads a profile file that a {@code device} line names by path. The language core does no I/O:
 * the face that runs a trace (command line, server) supplies this, resolving the path relative to
 * the trace (or the workspace folder for an unsaved document).
 */
@FunctionalInterface
public interface ProfileSource {

    /** The file's text, or why it could not be read (a message naming the path and the fix). */
    Text read(String path);

    record Text(String json, String error) {
        public static Text of(String json) {
            return new Text(json, null);
        }

        public static Text failed(String error) {
            return new Text(null, error);
        }
    }

    /** For contexts without files: every path is refused with a clear message. */
    ProfileSource NONE = path -> Text.failed("profile " + path + " cannot be read here; give a built-in name (type2)");
}
