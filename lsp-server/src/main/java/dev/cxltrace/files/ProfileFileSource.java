package dev.cxltrace.files;

import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the profile file a {@code device} line names, relative to the folder of the trace
 * (TRACE-LANGUAGE.md §1). The language core does no I/O; this is the faces' side of
 * {@link ProfileSource}, shared by the command line and the language server. Every failure becomes
 * a message that names the path, what it was relative to, and the fix; the executor puts it on the
 * device line as an {@code E-PROFILE} error.
 */
public final class ProfileFileSource implements ProfileSource {
    private final Path folder;
    private final String display;

    private ProfileFileSource(Path folder, String display) {
        this.folder = folder;
        this.display = display;
    }

    /**
     * For a trace file.
     *
     * @param trace   the trace file, whose folder relative profile paths start from
     * @param display the trace's path as the user gave it, for messages
     */
    public static ProfileFileSource besideTrace(Path trace, String display) {
        return new ProfileFileSource(trace.toAbsolutePath().getParent(), display);
    }

    /** For an editor's document: a {@code file:} URI has a folder; an unsaved document has none. */
    public static ProfileFileSource besideDocument(String uri) {
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                Path doc = Path.of(u);
                return new ProfileFileSource(doc.getParent(), doc.getFileName() == null ? uri : doc.getFileName().toString());
            }
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // not a file: no folder
        }
        return new ProfileFileSource(null, uri);
    }

    @Override
    public Text read(String path) {
        Path file;
        try {
            Path given = Path.of(path);
            if (!given.isAbsolute() && folder == null) {
                return Text.failed("profile " + path + " is relative, and " + display + " is not a saved file; "
                        + "save the trace or give an absolute path");
            }
            file = given.isAbsolute() ? given : folder.resolve(given);
        } catch (InvalidPathException e) {
            return Text.failed("profile " + path + " is not a valid path; give a built-in name (type2) or a path");
        }
        String where = file.equals(Path.of(path)) ? "profile " + path : "profile " + path + " (relative to " + display + ")";
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
