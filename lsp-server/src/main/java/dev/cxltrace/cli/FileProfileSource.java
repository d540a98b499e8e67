package dev.cxltrace.cli;

import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the profile file a {@code device} line names, relative to the folder of the trace
 * (TRACE-LANGUAGE.md §1). The language core does no I/O; this is the command line's side of
 * {@link ProfileSource}. Every failure becomes a message that names the path, what it was
 * relative to, and the fix; the executor puts it on the device line as an {@code E-PROFILE} error.
 */
public final class FileProfileSource implements ProfileSource {
    private final Path trace;
    private final String traceDisplay;

    /**
     * @param trace        the trace file, whose folder relative profile paths start from
     * @param traceDisplay the trace's path as the user gave it, for messages
     */
    public FileProfileSource(Path trace, String traceDisplay) {
        this.trace = trace;
        this.traceDisplay = traceDisplay;
    }

    @Override
    public Text read(String path) {
        Path file;
        try {
            Path given = Path.of(path);
            Path folder = trace.toAbsolutePath().getParent();
            file = given.isAbsolute() || folder == null ? given : folder.resolve(given);
        } catch (InvalidPathException e) {
            return Text.failed("profile " + path + " is not a valid path; give a built-in name (type2) or a path");
        }
        String where = Path.of(path).isAbsolute() ? "profile " + path : "profile " + path + " (relative to " + traceDisplay + ")";
        if (Files.isDirectory(file)) {
            return Text.failed(where + " is a folder; give a built-in name (type2) or the path of a JSON profile file");
        }
        try {
            return Text.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (NoSuchFileException e) {
            return Text.failed(where + " not found; give a built-in name (type2) or a path");
        } catch (AccessDeniedException e) {
            return Text.failed(where + " cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            return Text.failed(where + " is not UTF-8 text");
        } catch (IOException e) {
            return Text.failed(where + " cannot be read: " + e.getMessage());
        }
    }
}
