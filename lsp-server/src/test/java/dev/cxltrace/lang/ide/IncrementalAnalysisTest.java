package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxltrace.lang.ExamplesTest;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An analysis made incrementally from the previous version's equals a full analysis of the new
 * text, for random line edits of the example traces; and an edit re-runs only from the checkpoint
 * before it.
 */
class IncrementalAnalysisTest {
    private static final DiagnosticsService DIAGNOSTICS = new DiagnosticsService();

    private static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : ExamplesTest.examples()) {
            out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void randomEditsOfTheExamplesGiveTheFullAnalysis() throws IOException {
        List<String> examples = examples();
        List<String> pool = new ArrayList<>();
        for (String e : examples) {
            pool.addAll(List.of(e.split("\n", -1)));
        }
        Random random = new Random(20261125L);
        int restartedLate = 0;
        for (String example : examples) {
            for (int interval : new int[] {1, 3, 1000}) {
                Analysis.Options options = new Analysis.Options(interval, "type2");
                String text = example;
                Analysis incremental = Analysis.of(text, ProfileSource.NONE, options, CancelToken.NONE);
                for (int step = 0; step < 15; step++) {
                    String edited = edit(text, pool, random);
                    incremental = Analysis.next(incremental, edited, CancelToken.NONE);
                    Analysis full = Analysis.of(edited, ProfileSource.NONE, options, CancelToken.NONE);
                    assertSame(incremental, full, edited);
                    if (incremental.executedFrom() > 1) {
                        restartedLate++;
                    }
                    text = edited;
                }
            }
        }
        assertThat(restartedLate).as("edits that re-ran from a later checkpoint").isGreaterThan(100);
    }

    @Test
    void anEditNearTheEndRunsFromTheCheckpointBeforeIt() {
        StringBuilder trace = new StringBuilder("device type2\n");
        for (int i = 0; i < 200; i++) {
            trace.append("w32 comp hdm.decoder0.base_lo 0x").append(Integer.toHexString(i << 28 & 0xF000_0000)).append('\n');
            trace.append("r32 comp hdm.decoder0.ctrl\n");
        }
        String text = trace.toString();
        Analysis.Options options = new Analysis.Options(10, "type2");
        Analysis first = Analysis.of(text, ProfileSource.NONE, options, CancelToken.NONE);
        assertThat(first.executedFrom()).isEqualTo(1);
        int lines = first.lineCount();

        String edited = text.replaceFirst("r32 comp hdm.decoder0.ctrl\n$", "r32 comp hdm.decoder0.ctrl = 0\n");
        Analysis next = Analysis.next(first, edited, CancelToken.NONE);
        assertThat(next.executedFrom()).isBetween(lines - 1 - 11, lines - 1);
        assertSame(next, Analysis.of(edited, ProfileSource.NONE, options, CancelToken.NONE), edited);

        // The same text again runs nothing.
        assertThat(Analysis.next(next, edited, CancelToken.NONE).executedFrom()).isEqualTo(lines + 1);
        // Other options run it all again.
        assertThat(Analysis.next(next, edited, new Analysis.Options(5, "type2"), CancelToken.NONE).executedFrom()).isEqualTo(1);
    }

    @Test
    void aCancelledIncrementalAnalysisLeavesThePreviousOneAsItWas() {
        String text = "device type2\nw16 cfg dvsec.lock {CONFIG_LOCK=1}\nw16 cfg dvsec.control {MEM_ENABLE=0, ..}\n";
        Analysis first = Analysis.of(text, ProfileSource.NONE, new Analysis.Options(1, "type2"), CancelToken.NONE);
        AtomicInteger checks = new AtomicInteger();
        CancelToken afterOne = () -> {
            if (checks.incrementAndGet() > 1) {
                CancelToken.throwCancelled();
            }
        };
        assertThatThrownBy(() -> Analysis.next(first, "# new\n" + text, afterOne)).isInstanceOf(CancellationException.class);
        assertThat(DIAGNOSTICS.diagnostics(first)).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(3));
        assertThat(DIAGNOSTICS.diagnostics(Analysis.next(first, "# new\n" + text, CancelToken.NONE)))
                .singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(4));
    }

    /** One random edit: insert, delete or replace lines, or change characters within a line. */
    private static String edit(String text, List<String> pool, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (random.nextInt(5)) {
            case 0 -> lines.add(at, pool.get(random.nextInt(pool.size())));
            case 1 -> {
                if (lines.size() > 1) {
                    int count = 1 + random.nextInt(Math.min(3, lines.size() - at));
                    for (int i = 0; i < count && lines.size() > 1; i++) {
                        lines.remove(at);
                    }
                }
            }
            case 2 -> lines.set(at, pool.get(random.nextInt(pool.size())));
            case 3 -> {
                String line = lines.get(at);
                int from = random.nextInt(line.length() + 1);
                int to = Math.min(line.length(), from + random.nextInt(4));
                String insert = List.of("", "1", "0x", " ", "=", "{", "..", "!").get(random.nextInt(8));
                lines.set(at, line.substring(0, from) + insert + line.substring(to));
            }
            default -> {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    lines.add(at, pool.get(random.nextInt(pool.size())));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static void assertSame(Analysis incremental, Analysis full, String text) {
        assertThat(incremental.lineCount()).isEqualTo(full.lineCount());
        assertThat(incremental.parsedLines()).as("parsed lines of:%n%s", text).isEqualTo(full.parsedLines());
        assertThat(DIAGNOSTICS.diagnostics(incremental)).as("diagnostics of:%n%s", text).isEqualTo(DIAGNOSTICS.diagnostics(full));
        assertThat(incremental.outcomes()).extracting(LineOutcome::line, LineOutcome::expectation)
                .isEqualTo(full.outcomes().stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.line(), o.expectation())).toList());
        assertThat(values(incremental)).as("register values of:%n%s", text).isEqualTo(values(full));
        assertThat(incremental.profile().name()).isEqualTo(full.profile().name());
    }

    private static Map<Integer, List<String>> values(Analysis a) {
        Map<Integer, List<String>> out = new TreeMap<>();
        a.values().forEach((line, values) -> out.put(line, values.stream()
                .map(v -> v.register().path() + "=" + Long.toHexString(v.shadow()) + "/" + Long.toHexString(v.host()) + "/" + v.twoCopies())
                .toList()));
        return out;
    }
}
