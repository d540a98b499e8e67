package dev.cxltrace.lang.exec;

import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.Parameter;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.profile.ProfileLoader;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.Creation;
import dev.cxltrace.device.vfio.DeviceSnapshot;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.device.vfio.VfioDevice;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.resolve.AccessResolver;
import dev.cxltrace.lang.resolve.CoveredField;
import dev.cxltrace.lang.resolve.Names;
import dev.cxltrace.lang.resolve.ResolvedAccess;
import dev.cxltrace.lang.resolve.Target;
import dev.cxltrace.lang.resolve.TargetResolver;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Span;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a trace's statements, in order, against one device (TRACE-LANGUAGE.md, "Semantics in one
 * paragraph"): creates it from the {@code device} line or the default profile, applies each
 * access, checks each expectation, and records a {@link LineOutcome} per line. The state after
 * line N depends only on lines 1..N, so {@link #checkpoint} and {@link #restore} let a caller
 * re-run from any line.
 */
public final class Executor {
    private final ProfileSource profiles;
    private final String defaultProfile;

    // State; everything a checkpoint must carry.
    private DeviceProfile profile;
    private VfioDevice device;
    private Errno creationErrno;
    private boolean deviceLineSeen;
    private boolean statementSeen;
    private boolean profileRefused;
    private Map<String, Span> parameterSpans = Map.of();
    private String profileLabel = BuiltInProfiles.DEFAULT;
    // Expect targets resolve the same way for one profile; long traces repeat them.
    private final Map<String, TargetResolver.Result> targets = new HashMap<>();
    private final Map<Statement.Access, AccessResolver.Result> accesses = new IdentityHashMap<>();

    public Executor(ProfileSource profiles) {
        this(profiles, BuiltInProfiles.DEFAULT);
    }

    /** {@code defaultProfile}: the built-in profile a trace without a device line runs against. */
    public Executor(ProfileSource profiles, String defaultProfile) {
        this.profiles = profiles;
        this.defaultProfile = BuiltInProfiles.byName(defaultProfile).isPresent() ? defaultProfile : BuiltInProfiles.DEFAULT;
    }

    /** The device as it is now; null before the first statement and after a failed creation. */
    public VfioDevice device() {
        return device;
    }

    /** The profile in effect; null until a statement created the device or a device line failed. */
    public DeviceProfile profile() {
        return profile;
    }

    public Errno creationErrno() {
        return creationErrno;
    }

    /** Executes one parsed line; its syntax diagnostics come first in the outcome. */
    public LineOutcome execute(ParsedLine line) {
        LineOutcome o = run(line);
        // A statement may come from a parse of an identical earlier line (TraceRunner caches
        // them); a line's diagnostics always lie on that line, so their spans move to it.
        List<Diagnostic> diags = o.diagnostics();
        for (int i = 0; i < diags.size(); i++) {
            diags.set(i, diags.get(i).atLine(line.number()));
        }
        return o;
    }

    private LineOutcome run(ParsedLine line) {
        List<Diagnostic> diags = new ArrayList<>(4);
        if (!line.errors().isEmpty()) {
            diags.addAll(line.errors());
        }
        Statement s = line.statement();
        if (s == null || s instanceof Statement.Heading) {
            return new LineOutcome(line.number(), s, null, null, null, diags);
        }
        if (s instanceof Statement.Device d) {
            device(d, diags);
            return new LineOutcome(line.number(), s, null, null, null, diags);
        }
        if (profileRefused) {
            return new LineOutcome(line.number(), s, null, null, null, diags);   // no statement runs (§1)
        }
        if (!statementSeen) {
            statementSeen = true;
            if (!deviceLineSeen) {
                create(BuiltInProfiles.byName(defaultProfile).orElseThrow(), null, diags);
            }
        }
        if (s instanceof Statement.Expect e) {
            return expect(e, line.number(), diags);
        }
        return access((Statement.Access) s, line.number(), diags);
    }

    // ---------------------------------------------------------------- device

    private void device(Statement.Device d, List<Diagnostic> diags) {
        if (deviceLineSeen || statementSeen) {
            diags.add(Diagnostic.of(d.span(), DiagnosticCode.E_DEVICE, deviceLineSeen
                    ? "a trace has at most one device line; remove this one or split the trace"
                    : "the device line must come before the first access or expect; move it to the top"));
            return;
        }
        deviceLineSeen = true;
        ProfileBuilder builder;
        String name = d.profile() == null ? defaultProfile : d.profile();
        if (BuiltInProfiles.byName(name).isPresent()) {
            builder = ProfileBuilder.from(BuiltInProfiles.byName(name).orElseThrow()).named(name.toLowerCase(Locale.ROOT));
        } else {
            ProfileSource.Text text = profiles.read(name);
            if (text.error() != null) {
                refuse(diags, Diagnostic.of(d.profileSpan(), DiagnosticCode.E_PROFILE, text.error()));
                return;
            }
            ProfileLoader.Loaded loaded = ProfileLoader.parse(name, text.json());
            if (!loaded.ok()) {
                refuse(diags, Diagnostic.of(d.profileSpan(), DiagnosticCode.E_PROFILE, String.join("; ", loaded.errors())));
                return;
            }
            builder = loaded.builder().named(name);
        }
        Map<String, Span> spans = new HashMap<>();
        for (Statement.Parameter p : d.parameters()) {
            if (Parameter.byName(p.name()).isEmpty()) {
                // The name alone is wrong: point at it and suggest the parameter meant (STYLE.md §6).
                List<String> known = new ArrayList<>();
                for (Parameter each : Parameter.values()) {
                    known.add(each.canonicalName());
                }
                String closest = Names.closest(p.name(), known);
                refuse(diags, Diagnostic.of(p.nameSpan(), DiagnosticCode.E_PROFILE, "unknown device parameter " + p.name()
                        + (closest == null ? "" : "; did you mean " + closest + "?") + " (parameters: " + String.join(", ", known) + ")"));
                return;
            }
            var problem = builder.set(p.name(), p.value());
            if (problem.isPresent()) {
                refuse(diags, Diagnostic.of(p.nameSpan().to(p.valueSpan()), DiagnosticCode.E_PROFILE, problem.get()));
                return;
            }
            spans.put(p.name().toLowerCase(Locale.ROOT), p.nameSpan().to(p.valueSpan()));
        }
        ProfileBuilder.Result built = builder.build();
        if (!built.ok()) {
            refuse(diags, Diagnostic.of(d.span(), DiagnosticCode.E_PROFILE, String.join("; ", built.errors())));
            return;
        }
        parameterSpans = spans;
        profileLabel = d.profile() == null ? defaultProfile + " default" : d.profile();
        create(built.profile(), d, diags);
    }

    private void refuse(List<Diagnostic> diags, Diagnostic d) {
        profileRefused = true;
        diags.add(d);
    }

    private void create(DeviceProfile p, Statement.Device line, List<Diagnostic> diags) {
        profile = p;
        targets.clear();
        accesses.clear();
        Creation c = VfioDevice.create(p);
        device = c.device();
        creationErrno = c.errno();
        if (line == null) {
            return;
        }
        Errno announced = line.errno();
        if (c.ok() && announced != null) {
            diags.add(Diagnostic.of(line.errnoSpan(), DiagnosticCode.E_CREATE, "the device was created; the line says creation "
                    + "fails with " + announced.name() + " — remove ! " + announced.name() + " or change the profile"));
        } else if (!c.ok() && announced == null) {
            diags.add(Diagnostic.of(line.span(), DiagnosticCode.E_CREATE, "creating the device fails with " + c.errno().name()
                    + ": " + ErrnoExplanation.creation(c.errno(), p) + "; add ! " + c.errno().name()
                    + " if that is what the trace tests"));
        } else if (!c.ok() && announced != c.errno()) {
            diags.add(Diagnostic.of(line.errnoSpan(), DiagnosticCode.E_CREATE, "creating the device fails with " + c.errno().name()
                    + ", not " + announced.name() + ": " + ErrnoExplanation.creation(c.errno(), p)));
        }
    }

    // ---------------------------------------------------------------- accesses

    private LineOutcome access(Statement.Access a, int lineNumber, List<Diagnostic> diags) {
        if (device == null) {
            diags.add(noDevice(a.span()));
            return new LineOutcome(lineNumber, a, null, null, null, diags);
        }
        AccessResolver.Result resolved = resolve(a);
        if (!resolved.ok()) {
            diags.add(resolved.error());
            return new LineOutcome(lineNumber, a, null, null, null, diags);
        }
        ResolvedAccess r = resolved.access();
        AccessResult result = r.write()
                ? device.write(r.space(), r.offset(), r.bytes(), r.value(), Provenance.line(lineNumber))
                : device.read(r.space(), r.offset(), r.bytes());
        if (result.errno() != a.errno()) {
            diags.add(errnoMismatch(a, r, result.errno()));
        }
        LineOutcome.Expectation expectation = null;
        if (result.ok()) {
            Span valueSpan = a.value() != null ? a.value().span() : a.span();
            for (WriteOutcome o : result.outcomes()) {
                if (!o.drops().isEmpty() || o.specDivergence() != 0) {
                    DropMessages.add(o, r.coverage().registerSpace(), r.space(), a.op().spelling(), r.offset(), valueSpan,
                            params(), diags);
                }
            }
            if (r.hasExpected()) {
                expectation = compareRead(a, r, result.value(), diags);
            }
        } else if (r.hasExpected()) {
            expectation = new LineOutcome.Expectation(false, 0, "the read failed");
        }
        return new LineOutcome(lineNumber, a, r, result, expectation, diags);
    }

    private Diagnostic errnoMismatch(Statement.Access a, ResolvedAccess r, Errno actual) {
        Span span = a.errnoSpan() != null ? a.errnoSpan() : a.span();
        if (actual == null) {
            return Diagnostic.of(span, DiagnosticCode.E_ERRNO, a.op().spelling() + " " + a.space() + " at "
                    + Format.hex(r.offset()) + " succeeded; the line says it fails with " + a.errno().name()
                    + " — remove ! " + a.errno().name() + " or change the access");
        }
        if (a.errno() == null) {
            return Diagnostic.of(span, DiagnosticCode.E_ERRNO, ErrnoExplanation.why(r, actual, null, profile));
        }
        return Diagnostic.of(span, DiagnosticCode.E_ERRNO, a.op().spelling() + " " + a.space() + " at " + Format.hex(r.offset())
                + " fails with " + actual.name() + ", not " + a.errno().name() + ": " + ErrnoExplanation.why(r, actual, a.errno(), profile));
    }

    private LineOutcome.Expectation compareRead(Statement.Access a, ResolvedAccess r, long value, List<Diagnostic> diags) {
        long mask = r.expectedMask();
        boolean passed = (value & mask) == (r.expectedValue() & mask);
        if (!passed) {
            StringBuilder m = new StringBuilder(a.op().spelling() + " " + a.space() + " " + (r.register() != null
                    ? r.register().path() : Format.hex(r.offset())) + " read " + Format.hex(value));
            boolean composition = a.expected() instanceof Statement.Composition;
            if (!composition) {
                m.append(", expected ").append(Format.hex(r.expectedValue()));
            }
            String fields = differingFields(r, value, r.expectedValue(), mask);
            if (!fields.isEmpty()) {
                m.append(composition ? "; " : "; differs in ").append(fields);
            }
            diags.add(Diagnostic.of(a.expected().span(), DiagnosticCode.E_EXPECT, m.toString()));
        }
        return new LineOutcome.Expectation(passed, value, null);
    }

    private String differingFields(ResolvedAccess r, long actual, long expected, long mask) {
        List<String> out = new ArrayList<>();
        for (CoveredField f : r.coverage().fields(profile)) {
            if ((f.mask() & mask) != 0 && f.extract(actual) != f.extract(expected)) {
                out.add(f.qualifiedName() + " is " + Format.field(f.extract(actual)) + ", expected " + Format.field(f.extract(expected)));
            }
        }
        return String.join(", ", out);
    }

    // ---------------------------------------------------------------- expect

    private LineOutcome expect(Statement.Expect e, int lineNumber, List<Diagnostic> diags) {
        TargetResolver.Result left = target(e.target());
        if (!left.ok()) {
            diags.add(Diagnostic.of(e.targetSpan(), DiagnosticCode.E_NAME, left.error()));
            return new LineOutcome(lineNumber, e, null, null, null, diags);
        }
        Target target = left.target();
        if (device == null && !(target instanceof Target.Create)) {
            diags.add(noDevice(e.span()));
            return new LineOutcome(lineNumber, e, null, null, null, diags);
        }
        Target.Reading actual = target.read(device, creationErrno);
        if (actual.problem() != null) {
            diags.add(Diagnostic.of(e.targetSpan(), DiagnosticCode.E_EXPECT, actual.problem()));
            return new LineOutcome(lineNumber, e, null, null, new LineOutcome.Expectation(false, 0, actual.problem()), diags);
        }
        long expected;
        long mask = target.width() == 64 ? -1L : (1L << target.width()) - 1;
        Statement.Value v = e.value();
        if (v instanceof Statement.IntValue i) {
            if ((i.value() & ~mask) != 0) {
                diags.add(Diagnostic.of(i.span(), DiagnosticCode.E_NUMBER, Format.hex(i.value()) + " is wider than "
                        + target.canonical() + " (" + target.width() + " bit" + (target.width() == 1 ? "" : "s") + ")"));
                return new LineOutcome(lineNumber, e, null, null, null, diags);
            }
            expected = i.value();
        } else if (v instanceof Statement.ErrnoValue ev) {
            if (!(target instanceof Target.Create)) {
                diags.add(Diagnostic.of(ev.span(), DiagnosticCode.E_SYNTAX, "an errno name compares only with create; "
                        + target.canonical() + " takes an integer"));
                return new LineOutcome(lineNumber, e, null, null, null, diags);
            }
            expected = ev.errno().number();
        } else if (v instanceof Statement.TargetValue tv) {
            TargetResolver.Result right = target(tv.target());
            if (!right.ok()) {
                diags.add(Diagnostic.of(tv.span(), DiagnosticCode.E_NAME, right.error()));
                return new LineOutcome(lineNumber, e, null, null, null, diags);
            }
            Target.Reading r = right.target().read(device, creationErrno);
            if (r.problem() != null) {
                diags.add(Diagnostic.of(tv.span(), DiagnosticCode.E_EXPECT, r.problem()));
                return new LineOutcome(lineNumber, e, null, null, new LineOutcome.Expectation(false, actual.value(), r.problem()), diags);
            }
            expected = r.value();
            mask = -1L;
        } else {
            Statement.Composition c = (Statement.Composition) v;
            if (!(target instanceof Target.Register reg) || reg.field() != null) {
                diags.add(Diagnostic.of(c.span(), DiagnosticCode.E_FIELD, "a field composition compares a whole register; "
                        + target.canonical() + " takes an integer"));
                return new LineOutcome(lineNumber, e, null, null, null, diags);
            }
            long value = 0;
            long m = 0;
            for (Statement.FieldValue fv : c.fields()) {
                FieldDef f = reg.register().field(fv.name(), profile).orElse(null);
                if (f == null) {
                    List<String> names = new ArrayList<>();
                    for (FieldDef known : reg.register().fields(profile)) {
                        names.add(known.name());
                    }
                    diags.add(Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, "no field " + fv.name() + " in "
                            + reg.register().path() + Names.didYouMean(fv.name(), names)
                            + " (fields: " + String.join(", ", names) + ")"));
                    return new LineOutcome(lineNumber, e, null, null, null, diags);
                }
                if (!f.fits(fv.value())) {
                    diags.add(Diagnostic.of(fv.valueSpan(), DiagnosticCode.E_NUMBER, Format.hex(fv.value()) + " does not fit in "
                            + reg.register().path() + "." + f.name() + " (" + f.width() + " bit" + (f.width() == 1 ? "" : "s") + ")"));
                    return new LineOutcome(lineNumber, e, null, null, null, diags);
                }
                if ((m & f.mask()) != 0) {
                    diags.add(Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, reg.register().path() + "." + f.name()
                            + " is named twice in the composition"));
                    return new LineOutcome(lineNumber, e, null, null, null, diags);
                }
                value |= f.place(fv.value());
                m |= f.mask();
            }
            expected = value;
            mask = m;
        }
        boolean equal = (actual.value() & mask) == (expected & mask);
        boolean passed = equal == e.equal();
        if (!passed) {
            diags.add(Diagnostic.of(e.span(), DiagnosticCode.E_EXPECT, expectMessage(e, target, actual.value(), expected, mask)));
        }
        return new LineOutcome(lineNumber, e, null, null, new LineOutcome.Expectation(passed, actual.value(), null), diags);
    }

    /**
     * Resolves an access. A statement object stands for every identical line (the checker parses
     * a repeated line once), and its resolution depends only on the profile, unless a {@code ..}
     * composition reads the model's current value: those resolve each time.
     */
    private AccessResolver.Result resolve(Statement.Access a) {
        if (a.value() instanceof Statement.Composition c && c.rest()) {
            return AccessResolver.resolve(a, profile, device);
        }
        AccessResolver.Result r = accesses.get(a);
        if (r == null) {
            r = AccessResolver.resolve(a, profile, device);
            if (accesses.size() >= 4096) {
                accesses.clear();
            }
            accesses.put(a, r);
        }
        return r;
    }

    private TargetResolver.Result target(String text) {
        TargetResolver.Result r = targets.get(text);
        if (r == null) {
            r = TargetResolver.resolve(text, profile);
            targets.put(text, r);
        }
        return r;
    }

    private String expectMessage(Statement.Expect e, Target target, long actual, long expected, long mask) {
        String shown = target instanceof Target.Create ? (creationErrno == null ? "0 (created)" : creationErrno.name())
                : value(target, actual);
        if (!e.equal()) {
            return target.canonical() + " is " + shown + ", expected anything else";
        }
        String want = e.value() instanceof Statement.ErrnoValue ev ? ev.errno().name()
                : target instanceof Target.Create && expected == 0 ? "0 (created)" : value(target, expected);
        StringBuilder m = new StringBuilder(target.canonical() + " is " + shown);
        if (!(e.value() instanceof Statement.Composition)) {
            m.append(", expected ").append(want);
        }
        if (target instanceof Target.Register reg && reg.field() == null) {
            List<String> fields = new ArrayList<>();
            for (FieldDef f : reg.register().fields(profile)) {
                if ((f.mask() & mask) != 0 && f.extract(actual) != f.extract(expected)) {
                    fields.add(f.name() + " is " + Format.field(f.extract(actual)) + ", expected " + Format.field(f.extract(expected)));
                }
            }
            if (!fields.isEmpty()) {
                m.append(e.value() instanceof Statement.Composition ? ": " : "; ").append(String.join(", ", fields));
            }
        }
        return m.toString();
    }

    /**
     * A whole register, an offset or a size reads best in hex; a field as fields read in every
     * other message (decimal below 10); a flag, a count or an index in decimal.
     */
    private static String value(Target target, long v) {
        if (target instanceof Target.Register reg) {
            return reg.field() == null ? Format.hex(v) : Format.field(v);
        }
        return target.width() == 64 ? Format.hex(v) : Long.toUnsignedString(v);
    }

    private Diagnostic noDevice(Span span) {
        return Diagnostic.of(span, DiagnosticCode.E_NO_DEVICE, "the device was not created (" + creationErrno.name()
                + "); after a failed creation only expect create may follow");
    }

    private DropMessages.ParameterLocator params() {
        return new DropMessages.ParameterLocator() {
            @Override
            public Span spanOf(String parameter) {
                return parameterSpans.get(parameter);
            }

            @Override
            public String profileName() {
                return profileLabel;
            }

            @Override
            public boolean plainDevice() {
                return profile != null && !profile.cxlBound();
            }
        };
    }

    // ---------------------------------------------------------------- checkpoints

    /** The executor's whole state after the lines run so far; immutable. */
    public Checkpoint checkpoint() {
        return new Checkpoint(profile, device == null ? null : device.snapshot(), creationErrno, deviceLineSeen, statementSeen,
                profileRefused, parameterSpans, profileLabel);
    }

    /** Puts the executor back to a checkpoint of this trace. */
    public void restore(Checkpoint c) {
        if (profile != c.profile) {
            targets.clear();
            accesses.clear();
        }
        profile = c.profile;
        device = c.device == null ? null : c.device.toDevice();
        creationErrno = c.creationErrno;
        deviceLineSeen = c.deviceLineSeen;
        statementSeen = c.statementSeen;
        profileRefused = c.profileRefused;
        parameterSpans = c.parameterSpans;
        profileLabel = c.profileLabel;
    }

    /** An executor state: the device snapshot (HDM shared copy-on-write) and the trace's flags. */
    public record Checkpoint(DeviceProfile profile, DeviceSnapshot device, Errno creationErrno, boolean deviceLineSeen,
            boolean statementSeen, boolean profileRefused, Map<String, Span> parameterSpans, String profileLabel) {
    }

    /** The register's value as the line ran; a convenience for faces that show values. */
    public long value(RegisterDef r) {
        return device.value(r);
    }
}
