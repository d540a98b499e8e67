package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.vfio.VfioDevice;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.Executor;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Parser;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a document, analysed: its lines, each line parsed, and the outcome of each line
 * from a run of the {@link Executor}. Immutable; a new version of the text is a new
 * {@code Analysis}. The feature services ({@link DiagnosticsService}, {@link HoverService}) read it.
 *
 * <p>Besides the outcomes it keeps, for each line whose statement names a register, the values of
 * that register after the line (guest's shadow and host copy), so a hover can show them without
 * running the trace again. Lines are 1-based, as in {@link dev.cxltrace.lang.syntax.Span}.
 *
 * <p>It also keeps the executor's state ({@link Executor.Checkpoint}, HDM shared copy-on-write)
 * every {@link Options#checkpointInterval} statements, so {@link #next} can analyse an edited text
 * incrementally: lines unchanged keep their parse, and the run restarts from the nearest checkpoint
 * at or before the first changed line (the state after line N depends only on lines 1..N). The
 * result equals {@link #of} on the new text; {@code IncrementalAnalysisTest} holds that.
 */
public final class Analysis {

    /** How a document is analysed: statements between checkpoints, and the profile of a trace without a device line. */
    public record Options(int checkpointInterval, String defaultProfile) {
        public static final Options DEFAULT = new Options(1000, BuiltInProfiles.DEFAULT);

        public Options {
            checkpointInterval = Math.max(1, checkpointInterval);
            defaultProfile = defaultProfile == null ? BuiltInProfiles.DEFAULT : defaultProfile;
        }
    }

    /** The executor's state before line {@code index + 1} (0-based index of the next line to run). */
    private record Mark(int index, Executor.Checkpoint state) {
    }

    private final List<String> lines;
    private final List<ParsedLine> parsed;
    private final List<LineOutcome> outcomes;
    private final Map<Integer, List<RegisterValue>> values;
    private final DeviceProfile profile;
    private final List<Mark> marks;
    private final ProfileSource profiles;
    private final Options options;
    private final int executedFrom;

    private Analysis(List<String> lines, List<ParsedLine> parsed, List<LineOutcome> outcomes,
            Map<Integer, List<RegisterValue>> values, DeviceProfile profile, List<Mark> marks, ProfileSource profiles,
            Options options, int executedFrom) {
        this.lines = lines;
        this.parsed = parsed;
        this.outcomes = outcomes;
        this.values = values;
        this.profile = profile;
        this.marks = marks;
        this.profiles = profiles;
        this.options = options;
        this.executedFrom = executedFrom;
    }

    /** Parses and runs {@code text}; profile files named by a device line come from {@code profiles}. */
    public static Analysis of(String text, ProfileSource profiles, CancelToken cancel) {
        return of(text, profiles, Options.DEFAULT, cancel);
    }

    /** Parses and runs {@code text} with {@code options}. */
    public static Analysis of(String text, ProfileSource profiles, Options options, CancelToken cancel) {
        return analyse(null, split(text), profiles, options, cancel);
    }

    /**
     * The analysis of {@code text}, a new version of {@code previous}'s document, with
     * {@code previous}'s profile source and options: equal to {@link #of} on {@code text}, but
     * re-parsing only the lines that changed or moved and re-running only from the nearest
     * checkpoint before the first changed line. {@code cancel} is asked between statements.
     */
    public static Analysis next(Analysis previous, String text, CancelToken cancel) {
        return next(previous, text, previous.options, cancel);
    }

    /** As {@link #next(Analysis, String, CancelToken)}; with other {@code options} the run starts from line 1. */
    public static Analysis next(Analysis previous, String text, Options options, CancelToken cancel) {
        return analyse(previous, split(text), previous.profiles, options, cancel);
    }

    private static List<String> split(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }

    private static Analysis analyse(Analysis previous, List<String> lines, ProfileSource profiles, Options options,
            CancelToken cancel) {
        int n = lines.size();
        List<String> old = previous == null ? List.of() : previous.lines;
        int prefix = 0;
        while (prefix < n && prefix < old.size() && lines.get(prefix).equals(old.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < old.size() - prefix
                && lines.get(n - 1 - suffix).equals(old.get(old.size() - 1 - suffix))) {
            suffix++;
        }
        // Unchanged lines keep their parse; lines after the edit that moved are parsed at their new number.
        int shift = n - old.size();
        List<ParsedLine> parsed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i < prefix || (i >= n - suffix && shift == 0)) {
                parsed.add(previous.parsed.get(i - (i < prefix ? 0 : shift)));
            } else {
                parsed.add(Parser.parse(i + 1, lines.get(i)));
            }
        }
        // The run restarts from the last checkpoint at or before the first changed line.
        boolean sameRun = previous != null && previous.options.equals(options);
        if (sameRun && prefix == n && n == old.size()) {
            return new Analysis(lines, previous.parsed, previous.outcomes, previous.values, previous.profile, previous.marks,
                    profiles, options, n + 1);
        }
        List<Mark> marks = new ArrayList<>();
        Mark restart = null;
        if (sameRun) {
            for (Mark m : previous.marks) {
                if (m.index() > prefix) {
                    break;
                }
                marks.add(m);
                restart = m;
            }
        }
        int from = restart == null ? 0 : restart.index();
        Executor executor = new Executor(profiles, options.defaultProfile());
        if (restart != null) {
            executor.restore(restart.state());
        }
        List<LineOutcome> outcomes = new ArrayList<>(n);
        Map<Integer, List<RegisterValue>> values = new HashMap<>();
        if (from > 0) {
            outcomes.addAll(previous.outcomes.subList(0, from));
            for (Map.Entry<Integer, List<RegisterValue>> e : previous.values.entrySet()) {
                if (e.getKey() <= from) {
                    values.put(e.getKey(), e.getValue());
                }
            }
        }
        int statements = 0;
        for (int i = from; i < n; i++) {
            cancel.check();
            ParsedLine line = parsed.get(i);
            if (statements >= options.checkpointInterval()) {
                marks.add(new Mark(i, executor.checkpoint()));
                statements = 0;
            }
            LineOutcome o = executor.execute(line);
            if (line.hasStatement()) {
                statements++;
            }
            outcomes.add(new LineOutcome(o.line(), o.statement(), o.access(), o.result(), o.expectation(),
                    List.copyOf(o.diagnostics())));
            List<RegisterValue> named = namedValues(line.statement(), executor.device());
            if (!named.isEmpty()) {
                values.put(line.number(), named);
            }
        }
        DeviceProfile profile = executor.profile() != null ? executor.profile()
                : BuiltInProfiles.byName(options.defaultProfile()).orElseGet(DeviceProfile::type2);
        return new Analysis(lines, List.copyOf(parsed), List.copyOf(outcomes), Map.copyOf(values), profile, List.copyOf(marks),
                profiles, options, from + 1);
    }

    /**
     * The first line (1-based) this analysis ran; lines before it kept the outcomes of the analysis
     * it was made from. One past the last line when nothing ran.
     */
    public int executedFrom() {
        return executedFrom;
    }

    /** Every line's register values; for tests. */
    Map<Integer, List<RegisterValue>> values() {
        return values;
    }

    /** Where the profile files named by a device line come from. */
    ProfileSource profiles() {
        return profiles;
    }

    /** The options this document was analysed with. */
    public Options options() {
        return options;
    }

    /** The registers a statement names, with their values on {@code device} (none without a device). */
    private static List<RegisterValue> namedValues(Statement s, VfioDevice device) {
        if (device == null) {
            return List.of();
        }
        List<RegisterDef> registers = new ArrayList<>(2);
        if (s instanceof Statement.Access a && a.location().named() && a.location().register() != null) {
            registers.add(a.location().register());
        } else if (s instanceof Statement.Access a && !a.location().named()) {
            // An integer offset: the register that holds it, as the catalog lays the space out.
            RegisterCatalog.get().at(a.space(), a.location().number()).ifPresent(registers::add);
        } else if (s instanceof Statement.Expect e) {
            RegisterDoc.find(e.target(), device.profile()).ifPresent(entry -> registers.add(entry.register()));
            if (e.value() instanceof Statement.TargetValue tv) {
                RegisterDoc.find(tv.target(), device.profile())
                        .filter(entry -> !registers.contains(entry.register()))
                        .ifPresent(entry -> registers.add(entry.register()));
            }
        }
        List<RegisterValue> out = new ArrayList<>(registers.size());
        for (RegisterDef r : registers) {
            boolean twoCopies = device.cxlBound() && r.copies() == Copies.HOST_AND_SHADOW;
            out.add(new RegisterValue(r, device.value(r), device.hostValue(r), twoCopies, device.profile()));
        }
        return List.copyOf(out);
    }

    /** The number of lines; the last may be empty. */
    public int lineCount() {
        return lines.size();
    }

    /** Line {@code number} (1-based) as written; empty past the end. */
    public String text(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    public List<ParsedLine> parsedLines() {
        return parsed;
    }

    public List<LineOutcome> outcomes() {
        return outcomes;
    }

    /** Line {@code number} parsed, if the document has it. */
    public Optional<ParsedLine> parsed(int number) {
        return number >= 1 && number <= parsed.size() ? Optional.of(parsed.get(number - 1)) : Optional.empty();
    }

    /**
     * The value of {@code register} after line {@code number}, if that line names it (or accesses
     * an integer offset inside it) and the device existed.
     */
    public Optional<RegisterValue> valueAfter(int number, RegisterDef register) {
        for (RegisterValue v : values.getOrDefault(number, List.of())) {
            if (v.register() == register) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The device profile the trace ran against (the default built-in one when no device was created). */
    public DeviceProfile profile() {
        return profile;
    }
}
