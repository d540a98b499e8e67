package dev.cxltrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The trace files that command-line paths name, in path order: each path in the order given; a
 * folder contributes every {@code *.cxltrace} below it, sorted by path. A file named twice is
 * checked once, where it first appears. A path that does not exist, or a folder with no trace,
 * is a problem: nothing checked must not pass in CI by accident.
 */
final class TraceFiles {
    static final String EXTENSION = ".cxltrace";

    private TraceFiles() {
    }

    /** A trace to check, and its path as the user gave it (or as found under a folder they gave). */
    record TraceFile(Path path, String display) {
    }

    record Found(List<TraceFile> files, List<String> problems) {
    }

    static Found find(List<Path> paths) {
        List<TraceFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path given : paths) {
            if (Files.isDirectory(given)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(given)) {
                    found = walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                            .sorted().toList();
                } catch (IOException | UncheckedIOException e) {
                    problems.add("cannot read folder " + given + ": " + reason(e));
                    continue;
                }
                if (found.isEmpty()) {
                    problems.add("no *" + EXTENSION + " file under " + given + "; give a folder that holds traces, or trace files");
                }
                for (Path p : found) {
                    add(files, seen, p);
                }
            } else if (Files.exists(given)) {
                add(files, seen, given);
            } else {
                problems.add("no such file or folder: " + given);
            }
        }
        return new Found(files, problems);
    }

    private static void add(List<TraceFile> files, Set<Path> seen, Path p) {
        if (seen.add(p.toAbsolutePath().normalize())) {
            Path shown = p.normalize();
            files.add(new TraceFile(p, shown.toString().isEmpty() ? p.toString() : shown.toString()));
        }
    }

    /** Why a file could not be read, in a few words. */
    static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }
}
