package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.Behaviour;
import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.EnumValue;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.resolve.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of a register or a field as Markdown, read from the register catalog: what
 * the hover shows, what {@code cxltrace doc NAME} prints, and, for the whole catalog, the
 * generated {@code docs/REGISTERS.md}. Nothing here describes a register: every word about one
 * comes from its {@link RegisterDef} or {@link FieldDef}; this class only lays them out.
 *
 * <p>Values that depend on the device (firmware values, the component BAR's layout) are those of
 * the profile given, so a hover can show the trace's own device.
 */
public final class RegisterDoc {
    private RegisterDoc() {
    }

    /** A register, or one of its fields, found by name. */
    public record Entry(RegisterDef register, FieldDef field) {
        /** {@code dvsec.lock} or {@code dvsec.lock.CONFIG_LOCK}. */
        public String name() {
            return field == null ? register.path() : register.path() + "." + field.name();
        }
    }

    /**
     * Finds {@code dvsec.control}, {@code dvsec.control.MEM_ENABLE} (a field by its name or an
     * alias) or {@code host.X}, case-insensitively, in the layout of {@code profile}.
     */
    public static Optional<Entry> find(String name, DeviceProfile profile) {
        String n = name.strip();
        if (n.regionMatches(true, 0, "host.", 0, 5)) {
            n = n.substring(5);
        }
        RegisterCatalog catalog = RegisterCatalog.get();
        Optional<RegisterDef> register = catalog.byPath(n);
        if (register.isPresent()) {
            return Optional.of(new Entry(register.get(), null));
        }
        int dot = n.lastIndexOf('.');
        if (dot > 0) {
            Optional<RegisterDef> owner = catalog.byPath(n.substring(0, dot));
            String fieldName = n.substring(dot + 1);
            if (owner.isPresent()) {
                return owner.get().field(fieldName, profile).map(f -> new Entry(owner.get(), f));
            }
        }
        return Optional.empty();
    }

    /** The closest register or field name to an unknown one, for a did-you-mean; null if none is close. */
    public static String closest(String name, DeviceProfile profile) {
        List<String> known = new ArrayList<>();
        for (RegisterDef r : RegisterCatalog.get().registers()) {
            known.add(r.path());
            for (FieldDef f : r.fields(profile)) {
                known.add(r.path() + "." + f.name());
            }
        }
        return Names.closest(name.strip(), known);
    }

    /** The entry of a register or a field. */
    public static String markdown(Entry entry, DeviceProfile profile) {
        return entry.field() == null ? register(entry.register(), profile) : field(entry.register(), entry.field(), profile);
    }

    /** A register: where it is, its description, how writes behave, its fields and their attributes. */
    public static String register(RegisterDef r, DeviceProfile profile) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(r.path()).append("\n\n");
        b.append(location(r)).append("\n\n");
        if (!r.description().isEmpty()) {
            b.append(r.description()).append("\n\n");
        }
        List<String> facts = new ArrayList<>();
        facts.add("Firmware value (profile " + profile.name() + "): `" + Format.hex(r.resetValue(profile), r.width()) + "`");
        facts.add(copies(r));
        String behaviour = behaviour(r.behaviour());
        if (behaviour != null) {
            facts.add(behaviour);
        }
        r.execWhole().ifPresent(a -> facts.add("Exec: the passthrough applies **" + a.label() + "** to every bit"));
        for (String fact : facts) {
            b.append("- ").append(fact).append('\n');
        }
        b.append('\n');
        List<FieldDef> fields = r.fields(profile);
        Map<String, Attribute> legend = new LinkedHashMap<>();
        r.execWhole().ifPresent(a -> legend.put(a.label(), a));
        if (fields.isEmpty()) {
            b.append("No named fields.\n\n");
        } else {
            b.append("| bits | field | Spec | Exec | firmware | description |\n");
            b.append("|---|---|---|---|---|---|\n");
            for (FieldDef f : fields) {
                Attribute exec = r.execAttribute(f);
                legend.putIfAbsent(f.spec().label(), f.spec());
                legend.putIfAbsent(exec.label(), exec);
                b.append("| ").append(f.bits())
                        .append(" | `").append(f.name()).append('`')
                        .append(" | ").append(f.spec().label())
                        .append(" | ").append(exec.label())
                        .append(" | ").append(Format.field(f.resetValue(profile)))
                        .append(" | ").append(cell(f.description() + values(f)))
                        .append(" |\n");
            }
            b.append('\n');
        }
        if (!legend.isEmpty()) {
            b.append("Attributes:\n\n");
            for (Attribute a : legend.values()) {
                b.append("- **").append(a.label()).append("**: ").append(meaning(a)).append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    /** A field: its bits in the register, both attributes with their meaning, its gate, firmware value and values. */
    public static String field(RegisterDef r, FieldDef f, DeviceProfile profile) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(r.path()).append('.').append(f.name()).append("\n\n");
        b.append(f.hi() == f.lo() ? "Bit " : "Bits ").append(f.bits()).append(" of `").append(r.path()).append("` (")
                .append(location(r)).append(")\n\n");
        if (!f.description().isEmpty()) {
            b.append(f.description()).append("\n\n");
        }
        Attribute exec = r.execAttribute(f);
        b.append("- Spec: **").append(f.spec().label()).append("**: ").append(f.spec().meaning()).append('\n');
        b.append("- Exec: **").append(exec.label()).append("**: ").append(exec.meaning()).append('\n');
        Optional<Gate> specGate = f.spec().gate();
        Optional<Gate> execGate = exec.gate();
        if (specGate.equals(execGate)) {
            specGate.ifPresent(g -> b.append("- Lock: ").append(lock(g)).append('\n'));
        } else {
            execGate.ifPresent(g -> b.append("- Lock (Exec): ").append(lock(g)).append('\n'));
            specGate.ifPresent(g -> b.append("- Lock (Spec): ").append(lock(g)).append('\n'));
        }
        b.append("- Firmware value (profile ").append(profile.name()).append("): `")
                .append(Format.field(f.resetValue(profile))).append("`\n");
        if (!f.aliases().isEmpty()) {
            b.append("- Also named: ").append(String.join(", ", f.aliases().stream().map(a -> "`" + a + "`").toList()))
                    .append('\n');
        }
        String behaviour = behaviour(r.behaviour());
        if (behaviour != null) {
            b.append("- ").append(behaviour).append('\n');
        }
        if (!f.enums().isEmpty()) {
            b.append("\nValues:\n\n");
            for (EnumValue e : f.enums()) {
                b.append("- `").append(e.value()).append("`: ").append(e.meaning()).append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    /**
     * The whole catalog as one Markdown document ({@code docs/REGISTERS.md}): an index per space,
     * then every register's entry, in the catalog's order.
     */
    public static String reference(DeviceProfile profile) {
        StringBuilder b = new StringBuilder();
        b.append("# Register reference\n\n");
        b.append("<!-- Generated from the register catalog by `./cxltrace doc > docs/REGISTERS.md`; do not edit. -->\n\n");
        b.append("Every register of the simulated device, as `cxltrace doc NAME` and the editor's hover show it. ")
                .append("**Spec** is the attribute the CXL or PCIe specification defines, **Exec** what the ")
                .append("passthrough's shadow executes; firmware values are those of the built-in profile `")
                .append(profile.name()).append("`.\n\n");
        Map<Space, List<RegisterDef>> bySpace = new LinkedHashMap<>();
        for (RegisterDef r : RegisterCatalog.get().registers()) {
            bySpace.computeIfAbsent(r.space(), s -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Space, List<RegisterDef>> e : bySpace.entrySet()) {
            b.append("## `").append(e.getKey().canonicalName()).append("` registers\n\n");
            b.append("| register | offset | width | description |\n|---|---|---|---|\n");
            for (RegisterDef r : e.getValue()) {
                b.append("| [").append(r.path()).append("](#").append(anchor(r.path())).append(") | ")
                        .append(offset(r)).append(" | ").append(r.width()).append(" | ").append(cell(r.description()))
                        .append(" |\n");
            }
            b.append('\n');
            for (RegisterDef r : e.getValue()) {
                b.append(register(r, profile)).append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    private static String location(RegisterDef r) {
        String s = "`" + r.space().canonicalName() + "` " + offset(r) + ", " + r.width() + " bits";
        return r.section() == null ? s : s + ", " + r.section();
    }

    private static String offset(RegisterDef r) {
        String h = Integer.toHexString(r.offset());
        return "0x" + "0".repeat(Math.max(0, (r.space() == Space.CFG ? 3 : 4) - h.length())) + h;
    }

    private static String copies(RegisterDef r) {
        return r.copies() == Copies.HOST_AND_SHADOW
                ? "Two copies: the guest sees a shadow; `host." + r.path() + "` keeps the value firmware left while the "
                        + "device is CXL-bound"
                : "One copy: `host." + r.path() + "` is the register itself";
    }

    /** The named state machine that handles writes, where the attributes alone do not (REGISTERS.md §5). */
    private static String behaviour(Behaviour behaviour) {
        return switch (behaviour) {
            case ATTRIBUTES -> null;
            case DECODER_CONTROL -> "Writes: decoder 0's COMMIT/COMMITTED state machine, FSM-DEC on a CXL-bound device "
                    + "and FSM-H on a plain one (REGISTERS.md §5.2, §5.3)";
            case BAR_SIZING -> "Writes: the all-ones sizing write is silent (REGISTERS.md §3.2)";
        };
    }

    private static String meaning(Attribute a) {
        return a.gate().map(g -> a.meaning() + "; " + lock(g)).orElse(a.meaning());
    }

    private static String lock(Gate g) {
        return g.name() + " closes when " + g.condition();
    }


    private static String values(FieldDef f) {
        if (f.enums().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (EnumValue e : f.enums()) {
            parts.add(e.value() + " = " + e.meaning());
        }
        return " Values: " + String.join(", ", parts) + ".";
    }

    /** Text for a Markdown table cell: no line breaks, no bare pipes. */
    private static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        StringBuilder b = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                b.append(c);
            } else if (c == ' ') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
