package dev.cxltrace.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.Severity;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.exec.TraceReport;
import dev.cxltrace.lang.exec.TraceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The traces in {@code examples/} are documentation that CI runs: {@code ./cxltrace check examples/}
 * must exit 0, so none of them may produce an error (warnings and notes are part of what they teach).
 */
public class ExamplesTest {

    /** The repository root: the nearest folder up from the working directory with examples/ and pom.xml. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no folder with examples/ and pom.xml above " + dir);
    }

    public static List<Path> examples() {
        try (Stream<Path> files = Files.walk(repositoryRoot().resolve("examples"))) {
            return files.filter(p -> p.toString().endsWith(".cxltrace")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thereAreAtLeastTwelveExamples() {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(12);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsWithoutErrors() {
        return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            TraceReport report = TraceRunner.check(text, ProfileSource.NONE);
            List<String> errors = report.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR)
                    .map(d -> describe(file, text, d))
                    .collect(Collectors.toList());
            assertThat(errors).as("errors in %s", file).isEmpty();
            assertThat(report.sections()).as("%s is organised in ## sections", file).isNotEmpty();
            assertThat(text.lines().map(String::strip).filter(l -> l.startsWith("# ")))
                    .as("%s explains itself in comments", file).isNotEmpty();
        }));
    }

    private static String describe(Path file, String text, Diagnostic d) {
        String line = text.lines().skip(d.line() - 1L).findFirst().orElse("");
        return file.getFileName() + ":" + d.line() + ":" + (d.span().start() + 1) + ": " + d.code() + " " + d.message()
                + "\n    " + line;
    }
}
