package dev.cxltrace.lang.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.characters;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cxltrace.lang.ExamplesTest;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.Executor;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The parser never throws on user input, and every line stands on its own (STYLE.md §1): a line
 * that is not blank and not a comment yields a statement, or exactly one syntax diagnostic whose
 * range lies inside the line. The executor, fed the same lines, never throws either.
 */
class ParserPropertiesTest {

    /** Characters the language gives a meaning to, so that mutations make near-misses rather than noise. */
    private static final String ALPHABET = "rwdevicexpctfgomhbar0123456789xXabcdefABCDEF_.=!{},+#[] \tKMGTEINVAL";

    private static List<String> seeds;

    @BeforeAll
    static void readExampleLines() {
        seeds = new ArrayList<>();
        for (Path file : ExamplesTest.examples()) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        seeds.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(seeds).isNotEmpty();
    }

    @Test
    void randomStringsParseToAStatementOrOneDiagnosticInsideTheLine() {
        qt().withExamples(3000).forAll(anyLine()).checkAssert(ParserPropertiesTest::assertParsesOnItsOwn);
    }

    @Test
    void mutatedExampleLinesParseToAStatementOrOneDiagnosticInsideTheLine() {
        qt().withExamples(5000).forAll(mutatedExampleLine()).checkAssert(ParserPropertiesTest::assertParsesOnItsOwn);
    }

    @Test
    void theExecutorNeverThrowsOnRandomLines() {
        qt().withExamples(1500).forAll(anyLine().mix(mutatedExampleLine(), 70), integers().between(0, 2))
                .checkAssert(ParserPropertiesTest::assertExecutes);
    }

    @Test
    void exampleLinesThemselvesParse() {
        for (String line : seeds) {
            ParsedLine p = Parser.parse(7, line);
            assertThat(p.errors()).as(line).isEmpty();
        }
    }

    // ------------------------------------------------------------------ properties

    private static void assertParsesOnItsOwn(String line) {
        ParsedLine p = Parser.parse(7, line);
        assertThat(p.number()).isEqualTo(7);
        if (blankOrComment(line)) {
            assertThat(p.statement()).as("blank or comment line %s", quoted(line)).isNull();
            assertThat(p.errors()).as("blank or comment line %s", quoted(line)).isEmpty();
            return;
        }
        if (p.statement() != null) {
            assertThat(p.errors()).as("a statement and errors for %s", quoted(line)).isEmpty();
            assertInside(p.statement().span(), line);
        } else {
            assertThat(p.errors()).as("errors for %s", quoted(line)).hasSize(1);
            Diagnostic d = p.errors().get(0);
            assertInside(d.span(), line);
            assertThat(d.message()).as("message for %s", quoted(line)).isNotBlank();
        }
    }

    /** {@code before}: 0 no device line, 1 the default device line, 2 a plain device. */
    private static void assertExecutes(String line, int before) {
        Executor executor = new Executor(ProfileSource.NONE);
        int number = 1;
        if (before == 1) {
            executor.execute(Parser.parse(number++, "device type2"));
        } else if (before == 2) {
            executor.execute(Parser.parse(number++, "device type2 cxl=off"));
        }
        LineOutcome outcome = executor.execute(Parser.parse(number, line));
        for (Diagnostic d : outcome.diagnostics()) {
            assertThat(d.line()).isEqualTo(number);
            assertInside(d.span(), line);
        }
        // The next line still runs, whatever this one did.
        executor.execute(Parser.parse(number + 1, "r32 cfg 0x100"));
        executor.execute(Parser.parse(number + 2, "expect create == 0"));
    }

    private static void assertInside(Span span, String line) {
        assertThat(span.start()).as("start of %s in %s", span, quoted(line)).isBetween(0, line.length());
        assertThat(span.end()).as("end of %s in %s", span, quoted(line)).isBetween(span.start(), line.length());
    }

    /** Nothing but blanks, or blanks and then a comment that is not a ## heading. */
    private static boolean blankOrComment(String line) {
        int i = 0;
        while (i < line.length() && " \t\r\f\u000b".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        if (i == line.length()) {
            return true;
        }
        return line.charAt(i) == '#' && !(i + 1 < line.length() && line.charAt(i + 1) == '#');
    }

    private static String quoted(String line) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : line.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    // ------------------------------------------------------------------ generators

    private static Gen<String> anyLine() {
        Gen<String> tokenish = lists().of(integers().between(0, ALPHABET.length() - 1).map(ALPHABET::charAt))
                .ofSizeBetween(0, 60).map(ParserPropertiesTest::join);
        return strings().allPossible().ofLengthBetween(0, 60)
                .mix(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 40), 30)
                .mix(tokenish, 60);
    }

    private record Edit(int kind, int position, char c) {
    }

    private static Gen<Edit> edits() {
        Gen<Character> c = integers().between(0, ALPHABET.length() - 1).map(ALPHABET::charAt)
                .mix(characters().basicMultilingualPlane(), 10);
        return integers().between(0, 2).zip(integers().between(0, 200), c, Edit::new);
    }

    private static Gen<String> mutatedExampleLine() {
        return integers().between(0, seeds.size() - 1).zip(lists().of(edits()).ofSizeBetween(1, 4),
                (i, es) -> mutate(seeds.get(i), es));
    }

    private static String mutate(String seed, List<Edit> edits) {
        StringBuilder b = new StringBuilder(seed);
        for (Edit e : edits) {
            int at = b.length() == 0 ? 0 : e.position() % (b.length() + 1);
            switch (e.kind()) {
                case 0 -> b.insert(at, e.c());
                case 1 -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (at < b.length()) {
                        b.setCharAt(at, e.c());
                    } else {
                        b.append(e.c());
                    }
                }
            }
        }
        return b.toString();
    }

    private static String join(List<Character> chars) {
        StringBuilder b = new StringBuilder(chars.size());
        chars.forEach(b::append);
        return b.toString();
    }
}
