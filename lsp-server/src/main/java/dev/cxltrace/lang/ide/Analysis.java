package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.RegisterDef;
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
 * from one full run of the {@link Executor}. Immutable; a new version of the text is a new
 * {@code Analysis}. The feature services ({@link DiagnosticsService}, {@link HoverService}) read it.
 *
 * <p>Besides the outcomes it keeps, for each line whose statement names a register, the values of
 * that register after the line (guest's shadow and host copy), so a hover can show them without
 * running the trace again. Lines are 1-based, as in {@link dev.cxltrace.lang.syntax.Span}.
 */
public final class Analysis {
    private final List<String> lines;
    private final List<ParsedLine> parsed;
    private final List<LineOutcome> outcomes;
    private final Map<Integer, List<RegisterValue>> values;
    private final DeviceProfile profile;

    private Analysis(List<String> lines, List<ParsedLine> parsed, List<LineOutcome> outcomes,
            Map<Integer, List<RegisterValue>> values, DeviceProfile profile) {
        this.lines = lines;
        this.parsed = parsed;
        this.outcomes = outcomes;
        this.values = values;
        this.profile = profile;
    }

    /** Parses and runs {@code text}; profile files named by a device line come from {@code profiles}. */
    public static Analysis of(String text, ProfileSource profiles, CancelToken cancel) {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        List<ParsedLine> parsed = new ArrayList<>(lines.size());
        List<LineOutcome> outcomes = new ArrayList<>(lines.size());
        Map<Integer, List<RegisterValue>> values = new HashMap<>();
        Executor executor = new Executor(profiles);
        for (int i = 0; i < lines.size(); i++) {
            cancel.check();
            ParsedLine line = Parser.parse(i + 1, lines.get(i));
            LineOutcome o = executor.execute(line);
            parsed.add(line);
            outcomes.add(new LineOutcome(o.line(), o.statement(), o.access(), o.result(), o.expectation(),
                    List.copyOf(o.diagnostics())));
            List<RegisterValue> named = namedValues(line.statement(), executor.device());
            if (!named.isEmpty()) {
                values.put(line.number(), named);
            }
        }
        DeviceProfile profile = executor.profile() != null ? executor.profile() : DeviceProfile.type2();
        return new Analysis(lines, List.copyOf(parsed), List.copyOf(outcomes), Map.copyOf(values), profile);
    }

    /** The registers a statement names, with their values on {@code device} (none without a device). */
    private static List<RegisterValue> namedValues(Statement s, VfioDevice device) {
        if (device == null) {
            return List.of();
        }
        List<RegisterDef> registers = new ArrayList<>(2);
        if (s instanceof Statement.Access a && a.location().named() && a.location().register() != null) {
            registers.add(a.location().register());
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

    /** The value of {@code register} after line {@code number}, if that line names it and the device existed. */
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
