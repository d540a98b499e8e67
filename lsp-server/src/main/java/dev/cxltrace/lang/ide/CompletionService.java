package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.Parameter;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.resolve.CoveredField;
import dev.cxltrace.lang.resolve.Target;
import dev.cxltrace.lang.syntax.Lexer;
import dev.cxltrace.lang.syntax.Span;
import dev.cxltrace.lang.syntax.Token;
import dev.cxltrace.lang.syntax.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The completions at a position, decided from the text of the line before the cursor: at the
 * start of a line the ops, {@code expect} and {@code device}; after an op the spaces; after
 * {@code OP SPACE} the register paths of that space; inside the braces of an access the fields the
 * access covers; after {@code !} the errnos; after {@code expect} (and after {@code ==}/{@code !=})
 * the targets; after {@code device} the built-in profiles and the parameters. Registers and fields
 * come from the {@link RegisterCatalog} only. Positions are a 1-based line and a 0-based column.
 * Stateless.
 */
public final class CompletionService {
    private static final int[] WIDTHS = {8, 16, 32, 64};

    public Completions complete(Analysis analysis, int line, int column, CancelToken cancel) {
        cancel.check();
        String text = analysis.text(line);
        int col = Math.max(0, Math.min(column, text.length()));
        String prefix = text.substring(0, col);
        if (prefix.indexOf('#') >= 0) {
            return Completions.none(line, column);    // a comment or a section heading
        }
        List<Token> tokens = Lexer.tokens(prefix);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean inWord = last != null && last.end() == col && (last.kind() == TokenKind.WORD || last.kind() == TokenKind.NUMBER);
        List<Token> before = inWord ? tokens.subList(0, tokens.size() - 1) : tokens;
        String partial = inWord ? last.text() : "";
        Span replace = inWord ? last.span(line) : new Span(line, col, col);
        return new Completions(replace, List.copyOf(entries(analysis, line, before, partial)));
    }

    private List<CompletionEntry> entries(Analysis analysis, int line, List<Token> before, String partial) {
        DeviceProfile profile = analysis.profile();
        if (before.isEmpty()) {
            return keywords();
        }
        Token first = before.get(0);
        Token previous = before.get(before.size() - 1);
        if (previous.kind() == TokenKind.BANG) {
            return errnos();
        }
        if (insideBraces(before) && (previous.kind() == TokenKind.LBRACE || previous.kind() == TokenKind.COMMA)) {
            return fields(analysis, line, before, profile);
        }
        if (first.kind() != TokenKind.WORD) {
            return List.of();
        }
        String keyword = first.text().toLowerCase(Locale.ROOT);
        if (isOp(keyword)) {
            if (before.size() == 1) {
                return spaces();
            }
            if (before.size() == 2) {
                return Space.byName(before.get(1).text()).map(s -> registers(s, profile)).orElse(List.of());
            }
            return List.of();
        }
        if (keyword.equals("expect")) {
            if (before.size() == 1) {
                return targets(partial, profile);
            }
            if (before.size() == 3 && (previous.kind() == TokenKind.EQUALS_EQUALS || previous.kind() == TokenKind.NOT_EQUALS)) {
                List<CompletionEntry> out = new ArrayList<>();
                if (before.get(1).text().equalsIgnoreCase("create")) {
                    out.addAll(errnos());
                }
                out.addAll(targets(partial, profile));
                return out;
            }
            return List.of();
        }
        if (keyword.equals("device")) {
            if (previous.kind() == TokenKind.EQUALS) {
                return before.size() >= 2 ? parameterValues(before.get(before.size() - 2).text()) : List.of();
            }
            List<CompletionEntry> out = new ArrayList<>();
            if (before.size() == 1) {
                out.addAll(profiles());
            }
            out.addAll(parameters(before));
            return out;
        }
        return List.of();
    }

    private static boolean isOp(String word) {
        if (word.length() < 2 || (word.charAt(0) != 'r' && word.charAt(0) != 'w')) {
            return false;
        }
        for (int w : WIDTHS) {
            if (word.substring(1).equals(Integer.toString(w))) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideBraces(List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.RBRACE) {
                return false;
            }
            if (k == TokenKind.LBRACE) {
                return true;
            }
        }
        return false;
    }

    private static List<CompletionEntry> keywords() {
        List<CompletionEntry> out = new ArrayList<>();
        for (boolean write : new boolean[] {false, true}) {
            for (int bits : WIDTHS) {
                String op = (write ? "w" : "r") + bits;
                out.add(new CompletionEntry(op, CompletionEntry.Kind.KEYWORD, (write ? "write " : "read ") + bits + " bits",
                        "**" + op + "** `SPACE LOCATION " + (write ? "VALUE" : "[= EXPECTED]") + " [! ERRNO]`: "
                                + (write ? "writes " : "reads ") + bits + " bits (" + bits / 8 + (bits == 8 ? " byte" : " bytes")
                                + ") as one VFIO region " + (write ? "write" : "read"),
                        op + " "));
            }
        }
        out.add(new CompletionEntry("expect", CompletionEntry.Kind.KEYWORD, "assert on the model's state",
                "**expect** `TARGET == VALUE` or `TARGET != VALUE`: reads the model's state without an access", "expect "));
        out.add(new CompletionEntry("device", CompletionEntry.Kind.KEYWORD, "the device the trace runs against",
                "**device** `[PROFILE] [NAME=VALUE ...] [! ERRNO]`: at most one, before the first access or expect", "device "));
        return out;
    }

    private static List<CompletionEntry> spaces() {
        List<CompletionEntry> out = new ArrayList<>();
        for (Space s : Space.values()) {
            String what = switch (s) {
                case CFG -> "PCI configuration space (4K), with the PCIe capabilities and the CXL DVSECs";
                case COMP -> "the CXL component register block (COMP_REGS, 64K), dword accesses only";
                case HDM -> "the HDM region: device memory, no registers";
                default -> "BAR " + s.barIndex() + " as a VFIO region";
            };
            out.add(new CompletionEntry(s.canonicalName(), CompletionEntry.Kind.SPACE, what,
                    "**" + s.canonicalName() + "**: " + what, s.canonicalName() + " "));
        }
        return out;
    }

    private static List<CompletionEntry> registers(Space space, DeviceProfile profile) {
        List<CompletionEntry> out = new ArrayList<>();
        for (RegisterDef r : RegisterCatalog.get().registers()) {
            if (r.space() == space) {
                out.add(register(r, "", profile));
            }
        }
        return out;
    }

    private static CompletionEntry register(RegisterDef r, String prefix, DeviceProfile profile) {
        String label = prefix + r.path();
        return new CompletionEntry(label, prefix.isEmpty() ? CompletionEntry.Kind.REGISTER : CompletionEntry.Kind.TARGET,
                r.space().canonicalName() + " " + Format.hex(r.offset()) + ", " + r.width() + " bits",
                RegisterDoc.register(r, profile), label);
    }

    private static CompletionEntry field(RegisterDef r, FieldDef f, String label, String insert, DeviceProfile profile) {
        return new CompletionEntry(label, CompletionEntry.Kind.FIELD,
                (f.hi() == f.lo() ? "bit " : "bits ") + f.bits() + " of " + r.path() + ", " + f.spec().label(),
                RegisterDoc.field(r, f, profile), insert);
    }

    /** The fields of the registers the access (or the expect's register) on {@code line} covers. */
    private static List<CompletionEntry> fields(Analysis analysis, int line, List<Token> before, DeviceProfile profile) {
        List<CompletionEntry> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        LineOutcome outcome = line <= analysis.outcomes().size() ? analysis.outcomes().get(line - 1) : null;
        if (outcome != null && outcome.access() != null) {
            for (CoveredField f : outcome.access().coverage().fields(profile)) {
                if (seen.add(f.field().name())) {
                    out.add(field(f.register(), f.field(), f.field().name(), f.field().name() + "=", profile));
                }
            }
            return out;
        }
        Optional<RegisterDef> named = Optional.empty();
        String keyword = before.get(0).text().toLowerCase(Locale.ROOT);
        if (isOp(keyword) && before.size() >= 3 && before.get(2).kind() == TokenKind.WORD) {
            named = RegisterCatalog.get().byPath(before.get(2).text());
        } else if (keyword.equals("expect") && before.size() >= 2) {
            named = RegisterDoc.find(before.get(1).text(), profile).filter(e -> e.field() == null).map(RegisterDoc.Entry::register);
        }
        named.ifPresent(r -> {
            for (FieldDef f : r.fields(profile)) {
                out.add(field(r, f, f.name(), f.name() + "=", profile));
            }
        });
        return out;
    }

    private static List<CompletionEntry> errnos() {
        List<CompletionEntry> out = new ArrayList<>();
        for (Errno e : Errno.values()) {
            out.add(new CompletionEntry(e.name(), CompletionEntry.Kind.ERRNO, e.number() + ": " + e.text(),
                    "**" + e.name() + "** (" + e.number() + "): " + e.text(), e.name()));
        }
        return out;
    }

    private static List<CompletionEntry> targets(String partial, DeviceProfile profile) {
        List<CompletionEntry> out = new ArrayList<>();
        String lower = partial.toLowerCase(Locale.ROOT);
        String fieldPrefix = lower.startsWith("host.") ? "host." : "";
        String path = partial.substring(fieldPrefix.length());
        int dot = path.lastIndexOf('.');
        if (dot > 0) {
            RegisterCatalog.get().byPath(path.substring(0, dot)).ifPresent(r -> {
                for (FieldDef f : r.fields(profile)) {
                    String name = fieldPrefix + r.path() + "." + f.name();
                    out.add(field(r, f, name, name, profile));
                }
            });
        }
        for (String prefix : new String[] {"", "host."}) {
            for (RegisterDef r : RegisterCatalog.get().registers()) {
                out.add(register(r, prefix, profile));
            }
        }
        for (Target.InfoItem item : Target.InfoItem.values()) {
            Target t = new Target.Info(item);
            out.add(new CompletionEntry(t.canonical(), CompletionEntry.Kind.TARGET, "device info, " + t.width() + " bits",
                    "`" + t.canonical() + "`: an item of the VFIO device info (" + t.width() + " bits)", t.canonical()));
        }
        for (Space s : Space.values()) {
            for (Target.RegionProperty p : Target.RegionProperty.values()) {
                Target t = new Target.Region(s, p, 0);
                out.add(new CompletionEntry(t.canonical(), CompletionEntry.Kind.TARGET, "region property, " + t.width() + " bits",
                        "`" + t.canonical() + "`: a property of the VFIO region " + s.canonicalName() + " (" + t.width() + " bits)",
                        t.canonical()));
            }
        }
        out.add(new CompletionEntry("create", CompletionEntry.Kind.TARGET, "errno of device creation",
                "`create`: the errno of device creation, `0` when it succeeded", "create"));
        return out;
    }

    private static List<CompletionEntry> profiles() {
        List<CompletionEntry> out = new ArrayList<>();
        for (String name : BuiltInProfiles.names()) {
            out.add(new CompletionEntry(name, CompletionEntry.Kind.PROFILE, "built-in profile",
                    "**" + name + "**: " + BuiltInProfiles.describe(name), name));
        }
        return out;
    }

    private static List<CompletionEntry> parameters(List<Token> before) {
        Set<String> given = new LinkedHashSet<>();
        for (int i = 1; i + 1 < before.size(); i++) {
            if (before.get(i + 1).kind() == TokenKind.EQUALS) {
                given.add(before.get(i).text().toLowerCase(Locale.ROOT));
            }
        }
        DeviceProfile defaults = DeviceProfile.type2();
        List<CompletionEntry> out = new ArrayList<>();
        for (Parameter p : Parameter.values()) {
            if (given.contains(p.canonicalName())) {
                continue;
            }
            out.add(new CompletionEntry(p.canonicalName() + "=", CompletionEntry.Kind.PARAMETER, p.meaning(),
                    "**" + p.canonicalName() + "**: " + p.meaning() + "\n\nValues: " + p.accepted() + "; default (profile "
                            + BuiltInProfiles.DEFAULT + "): `" + p.valueIn(defaults) + "`",
                    p.canonicalName() + "="));
        }
        return out;
    }

    private static List<CompletionEntry> parameterValues(String name) {
        Optional<Parameter> p = Parameter.byName(name);
        if (p.isEmpty()) {
            return List.of();
        }
        List<String> values = p.get().isBoolean() ? List.of("true", "false") : p.get() == Parameter.CXL ? List.of("on", "off") : List.of();
        List<CompletionEntry> out = new ArrayList<>();
        for (String v : values) {
            out.add(new CompletionEntry(v, CompletionEntry.Kind.VALUE, p.get().meaning(), "`" + name + "=" + v + "`", v));
        }
        return out;
    }
}
