package dev.cxltrace.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.exec.TraceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden traces (STYLE.md §5): each file in {@code src/test/resources/golden/} is a trace whose
 * expected diagnostics are written under the line they belong to, as comments, so the file is
 * still a valid trace and runs exactly as annotated:
 *
 * <pre>
 * w16 cfg dvsec.control 0
 * #^ warning W-LOCKED @23+1 dvsec.control.MEM_ENABLE not written: locked by CONFIG_LOCK, set at line 10
 * #^ related 10@1+0 set here
 * </pre>
 *
 * {@code @C+N} is the range: 1-based start column C and N characters (optional when reading; when
 * absent the range is not compared). The message is compared exactly, so a change of wording shows
 * up here. A {@code related} line belongs to the diagnostic above it. Run with
 * {@code -Dcxltrace.bless=true} to rewrite the annotations from what the checker says now (like
 * {@code UPDATE_EXPECT=1}), then review the diff.
 */
class GoldenTraceTest {

    private static final Pattern ANNOTATION = Pattern.compile("^\\s*#\\^(.*)$");
    private static final Pattern DIAGNOSTIC = Pattern.compile("^ (error|warning|note) (\\S+)(?: @(\\d+)\\+(\\d+))? (.*)$");
    private static final Pattern RELATED = Pattern.compile("^ related (\\d+)@(\\d+)\\+(\\d+) (.*)$");

    private static final boolean BLESS = Boolean.getBoolean("cxltrace.bless");

    @TestFactory
    Stream<DynamicTest> goldenTraces() {
        return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check(file)));
    }

    /** Every code is public API, so every code has at least one golden trace that produces it. */
    @Test
    void everyDiagnosticCodeHasAGoldenTrace() {
        Set<DiagnosticCode> seen = EnumSet.noneOf(DiagnosticCode.class);
        for (Path file : goldenFiles()) {
            for (String line : read(file).lines().collect(Collectors.toList())) {
                Matcher a = ANNOTATION.matcher(line);
                if (a.matches()) {
                    Matcher d = DIAGNOSTIC.matcher(a.group(1));
                    if (d.matches() && DiagnosticCode.byCode(d.group(2)) != null) {
                        seen.add(DiagnosticCode.byCode(d.group(2)));
                    }
                }
            }
        }
        Set<DiagnosticCode> missing = EnumSet.allOf(DiagnosticCode.class);
        missing.removeAll(seen);
        assertThat(missing).as("codes that no golden trace annotates").isEmpty();
    }

    // ------------------------------------------------------------------ running one file

    private static void check(Path file) throws IOException {
        String text = read(file);
        if (BLESS) {
            bless(file, text);
            return;
        }
        Annotated annotated = Annotated.of(text, file);
        Map<Integer, List<String>> actual = render(run(text, file));
        StringBuilder report = new StringBuilder();
        Set<Integer> lines = new java.util.TreeSet<>(annotated.expected.keySet());
        lines.addAll(actual.keySet());
        for (int line : lines) {
            List<String> missing = new ArrayList<>();
            List<String> unexpected = new ArrayList<>(actual.getOrDefault(line, List.of()));
            for (Expected e : annotated.expected.getOrDefault(line, List.of())) {
                String match = unexpected.stream().filter(e::matches).findFirst().orElse(null);
                if (match != null) {
                    unexpected.remove(match);
                } else {
                    missing.add(e.text);
                }
            }
            if (missing.isEmpty() && unexpected.isEmpty()) {
                continue;
            }
            report.append(file.getFileName()).append(':').append(line).append(": ").append(annotated.source.get(line)).append('\n');
            missing.forEach(m -> report.append("  missing:    ").append(m.replace("\n", "\n              ")).append('\n'));
            unexpected.forEach(u -> report.append("  unexpected: ").append(u.replace("\n", "\n              ")).append('\n'));
        }
        if (report.length() > 0) {
            fail("diagnostics differ from the annotations (rerun with -Dcxltrace.bless=true to rewrite them, "
                    + "then review the diff):\n" + report);
        }
    }

    private static TraceReport run(String text, Path file) {
        return TraceRunner.check(text, profilesBeside(file));
    }

    /**
     * Profile files resolve relative to the trace, as the command line resolves them; the core
     * itself does no I/O, so the test supplies the reading.
     */
    private static ProfileSource profilesBeside(Path trace) {
        return path -> {
            Path p = trace.getParent().resolve(path);
            if (!Files.isRegularFile(p)) {
                return ProfileSource.Text.failed("profile " + path + " (relative to " + trace.getFileName()
                        + ") not found; give a built-in name (type2) or a path");
            }
            try {
                return ProfileSource.Text.of(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return ProfileSource.Text.failed("profile " + path + " cannot be read: " + e.getMessage());
            }
        };
    }

    /** The annotation text of each diagnostic, by line: its own line, then one line per related location. */
    private static Map<Integer, List<String>> render(TraceReport report) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (Diagnostic d : report.diagnostics()) {
            StringBuilder b = new StringBuilder("#^ ").append(d.severity().label()).append(' ').append(d.code().code())
                    .append(" @").append(d.span().start() + 1).append('+').append(d.span().end() - d.span().start())
                    .append(' ').append(d.message());
            for (Related r : d.related()) {
                b.append("\n#^ related ").append(r.span().line()).append('@').append(r.span().start() + 1).append('+')
                        .append(r.span().end() - r.span().start()).append(' ').append(r.message());
            }
            out.computeIfAbsent(d.line(), k -> new ArrayList<>()).add(b.toString());
        }
        return out;
    }

    // ------------------------------------------------------------------ annotations

    /** One expected diagnostic, with its related lines; {@code text} as written in the file. */
    private static final class Expected {
        final String severity;
        final String code;
        final String range;   // "@C+N", or null when the file does not fix it
        final String message;
        final List<String> related = new ArrayList<>();
        String text;

        Expected(Matcher m, String line) {
            severity = m.group(1);
            code = m.group(2);
            range = m.group(3) == null ? null : "@" + m.group(3) + "+" + m.group(4);
            message = m.group(5);
            text = line.strip();
        }

        boolean matches(String rendered) {
            String[] lines = rendered.split("\n");
            Matcher m = DIAGNOSTIC.matcher(lines[0].substring(2));
            if (!m.matches()) {
                return false;
            }
            String actualRange = "@" + m.group(3) + "+" + m.group(4);
            List<String> actualRelated = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                actualRelated.add(lines[i].strip());
            }
            return severity.equals(m.group(1)) && code.equals(m.group(2)) && message.equals(m.group(5))
                    && (range == null || range.equals(actualRange)) && related.equals(actualRelated);
        }
    }

    private static final class Annotated {
        final Map<Integer, List<Expected>> expected = new LinkedHashMap<>();
        final Map<Integer, String> source = new TreeMap<>();

        static Annotated of(String text, Path file) {
            Annotated a = new Annotated();
            int number = 0;
            int owner = 0;
            Expected last = null;
            for (String line : text.lines().collect(Collectors.toList())) {
                number++;
                a.source.put(number, line);
                Matcher m = ANNOTATION.matcher(line);
                if (!m.matches()) {
                    owner = number;
                    last = null;
                    continue;
                }
                if (owner == 0) {
                    fail(file.getFileName() + ":" + number + ": an annotation must follow the line it belongs to");
                }
                Matcher d = DIAGNOSTIC.matcher(m.group(1));
                Matcher r = RELATED.matcher(m.group(1));
                if (d.matches()) {
                    last = new Expected(d, line);
                    a.expected.computeIfAbsent(owner, k -> new ArrayList<>()).add(last);
                } else if (r.matches() && last != null) {
                    last.related.add(line.strip());
                    last.text += "\n" + line.strip();
                } else {
                    fail(file.getFileName() + ":" + number + ": not an annotation: '#^ SEVERITY CODE [@COL+LEN] MESSAGE'"
                            + " or '#^ related LINE@COL+LEN MESSAGE' under a diagnostic; found " + line.strip());
                }
            }
            return a;
        }
    }

    // ------------------------------------------------------------------ bless

    /**
     * Rewrites the annotations from the checker's diagnostics. Annotation lines are lines of the
     * trace, so adding or removing them moves the lines below, and messages that name a line
     * ("set at line 12") move with them: repeat until the file no longer changes.
     */
    private static void bless(Path file, String original) throws IOException {
        String text = original;
        for (int round = 0; round < 8; round++) {
            Map<Integer, List<String>> actual = render(run(text, file));
            StringBuilder out = new StringBuilder();
            int number = 0;
            for (String line : text.lines().collect(Collectors.toList())) {
                number++;
                if (ANNOTATION.matcher(line).matches()) {
                    continue;
                }
                out.append(line).append('\n');
                for (String a : actual.getOrDefault(number, List.of())) {
                    out.append(a).append('\n');
                }
            }
            String next = out.toString();
            if (next.equals(text)) {
                break;
            }
            text = next;
        }
        if (!text.equals(original)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ files

    /** The golden folder of the module's sources, so that bless rewrites the files under version control. */
    static Path goldenDir() {
        List<Path> candidates = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            candidates.add(Path.of(basedir));
        }
        Path cwd = Path.of("").toAbsolutePath();
        candidates.add(cwd);
        candidates.add(cwd.resolve("lsp-server"));
        for (Path c : candidates) {
            Path g = c.resolve("src/test/resources/golden");
            if (Files.isDirectory(g)) {
                return g;
            }
        }
        throw new IllegalStateException("no src/test/resources/golden under " + candidates);
    }

    static List<Path> goldenFiles() {
        try (Stream<Path> files = Files.list(goldenDir())) {
            return files.filter(p -> p.toString().endsWith(".cxltrace")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
