package dev.cxltrace.lsp;

import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the profile file a document's {@code device} line names, relative to the document's
 * folder when the document is a {@code file:} URI. An unsaved document has no folder: only
 * absolute paths work there. (The command line's {@code cli.FileProfileSource} does the same for
 * files; it is not reused, as {@code cli} starts the server and {@code lsp} must not depend on it.)
 */
final class DocumentProfileSource implements ProfileSource {
    private final Path folder;
    private final String display;

    DocumentProfileSource(String uri) {
        Path f = null;
        String d = uri;
        try {
            URI u = URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                Path doc = Path.of(u);
                f = doc.getParent();
                d = doc.getFileName() == null ? uri : doc.getFileName().toString();
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            f = null;
        }
        this.folder = f;
        this.display = d;
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
        String where = Path.of(path).isAbsolute() ? "profile " + path : "profile " + path + " (relative to " + display + ")";
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
