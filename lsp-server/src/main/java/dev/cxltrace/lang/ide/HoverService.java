package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.Parameter;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Span;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hover at a position: on a register name, the catalog's entry and the register's value after
 * that line (the guest's shadow, and the host copy beside it); on a field name of a composition,
 * the field's entry; on an integer offset, the entry of the register that holds it; on a device
 * parameter, its meaning, accepted values and the value in effect; on an op, a space or an errno,
 * one line saying what it means. Where the passthrough executes a field otherwise than the
 * specification defines it (Exec versus Spec), a line says so, with the specification's section. Positions are a
 * 1-based line and a 0-based column, as in {@link Span}. Stateless.
 */
public final class HoverService {

    public Optional<HoverInfo> hover(Analysis analysis, int line, int column, CancelToken cancel) {
        cancel.check();
        Optional<ParsedLine> parsed = analysis.parsed(line);
        if (parsed.isEmpty() || parsed.get().statement() == null) {
            return Optional.empty();
        }
        DeviceProfile profile = analysis.profile();
        Statement s = parsed.get().statement();
        if (s instanceof Statement.Access a) {
            return access(analysis, a, line, column, profile);
        }
        if (s instanceof Statement.Expect e) {
            return expect(analysis, e, line, column, profile);
        }
        if (s instanceof Statement.Device d && d.errnoSpan() != null && d.errnoSpan().contains(column) && d.errno() != null) {
            return Optional.of(new HoverInfo(d.errnoSpan(), errno(d.errno())));
        }
        if (s instanceof Statement.Device d) {
            for (Statement.Parameter p : d.parameters()) {
                if (p.nameSpan() != null && p.nameSpan().contains(column)) {
                    return Parameter.byName(p.name()).map(known -> new HoverInfo(p.nameSpan(), parameter(known, p, profile)));
                }
            }
        }
        return Optional.empty();
    }

    /** A device parameter: what it means, the values it takes, and the value the trace's device has. */
    private static String parameter(Parameter parameter, Statement.Parameter written, DeviceProfile profile) {
        return "### " + parameter.canonicalName() + "\n\n"
                + "Device parameter: " + parameter.meaning() + ".\n\n"
                + "- Accepted values: " + parameter.accepted() + "\n"
                + "- Written here: `" + written.value() + "`\n"
                + "- Value in effect (profile " + profile.name() + "): `" + parameter.valueIn(profile) + "`\n";
    }

    private Optional<HoverInfo> access(Analysis analysis, Statement.Access a, int line, int column, DeviceProfile profile) {
        if (a.opSpan().contains(column)) {
            return Optional.of(new HoverInfo(a.opSpan(), op(a.op())));
        }
        if (a.spaceSpan().contains(column)) {
            return Optional.of(new HoverInfo(a.spaceSpan(), space(a.space())));
        }
        Statement.Location location = a.location();
        if (location.named() && location.nameSpan().contains(column) && location.register() != null) {
            RegisterDef r = location.register();
            return Optional.of(new HoverInfo(location.nameSpan(), registerWithValue(analysis, r, line, profile)));
        }
        if (!location.named() && location.numberSpan() != null && location.numberSpan().contains(column)) {
            Optional<RegisterDef> held = RegisterCatalog.get().at(a.space(), location.number());
            if (held.isPresent()) {
                return Optional.of(new HoverInfo(location.numberSpan(), offsetNote(held.get(), location.number())
                        + registerWithValue(analysis, held.get(), line, profile)));
            }
        }
        if (location.register() != null) {
            Optional<HoverInfo> field = compositionField(analysis, a.value(), location.register(), line, column, profile);
            if (field.isEmpty()) {
                field = compositionField(analysis, a.expected(), location.register(), line, column, profile);
            }
            if (field.isPresent()) {
                return field;
            }
        }
        if (a.errnoSpan() != null && a.errno() != null && a.errnoSpan().contains(column)) {
            return Optional.of(new HoverInfo(a.errnoSpan(), errno(a.errno())));
        }
        return Optional.empty();
    }

    private Optional<HoverInfo> expect(Analysis analysis, Statement.Expect e, int line, int column, DeviceProfile profile) {
        if (e.targetSpan().contains(column)) {
            return target(analysis, e.target(), e.targetSpan(), line, profile);
        }
        if (e.value() instanceof Statement.TargetValue tv && tv.span().contains(column)) {
            return target(analysis, tv.target(), tv.span(), line, profile);
        }
        if (e.value() instanceof Statement.ErrnoValue ev && ev.span().contains(column)) {
            return Optional.of(new HoverInfo(ev.span(), errno(ev.errno())));
        }
        Optional<RegisterDoc.Entry> entry = RegisterDoc.find(e.target(), profile);
        if (entry.isPresent() && entry.get().field() == null) {
            return compositionField(analysis, e.value(), entry.get().register(), line, column, profile);
        }
        return Optional.empty();
    }

    /** An expect's target or value: a register or field (guest or host), with its value after the line. */
    private Optional<HoverInfo> target(Analysis analysis, String name, Span span, int line, DeviceProfile profile) {
        Optional<RegisterDoc.Entry> entry = RegisterDoc.find(name, profile);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        RegisterDef r = entry.get().register();
        FieldDef f = entry.get().field();
        String markdown = f == null ? registerWithValue(analysis, r, line, profile) : fieldWithValue(analysis, r, f, line, profile);
        return Optional.of(new HoverInfo(span, markdown));
    }

    private Optional<HoverInfo> compositionField(Analysis analysis, Statement.Value value, RegisterDef r, int line, int column,
            DeviceProfile profile) {
        if (!(value instanceof Statement.Composition c)) {
            return Optional.empty();
        }
        for (Statement.FieldValue fv : c.fields()) {
            if (fv.nameSpan().contains(column)) {
                return r.field(fv.name(), profile)
                        .map(f -> new HoverInfo(fv.nameSpan(), fieldWithValue(analysis, r, f, line, profile)));
            }
        }
        return Optional.empty();
    }

    /** What an integer offset resolves to, before that register's entry. */
    private static String offsetNote(RegisterDef r, long offset) {
        long within = offset - r.offset();
        return "Offset `0x" + Long.toHexString(offset) + "` is " + (within == 0 ? "" : "byte " + within + " of ")
                + "`" + r.path() + "`\n\n";
    }

    /**
     * The fields whose Exec attribute (what the passthrough executes) is not their Spec attribute,
     * as one line; empty when they all agree.
     */
    private static String execVersusSpec(RegisterDef r, List<FieldDef> fields) {
        List<String> differ = new ArrayList<>();
        for (FieldDef f : fields) {
            Attribute exec = r.execAttribute(f);
            if (!exec.label().equals(f.spec().label())) {
                differ.add(f.name() + " executes " + exec.label() + ", the specification says " + f.spec().label());
            }
        }
        if (differ.isEmpty()) {
            return "";
        }
        return "\nPassthrough (Exec) vs specification (Spec): " + String.join("; ", differ)
                + (r.section() == null ? "" : " (" + r.section() + ")") + "\n";
    }

    private static String registerWithValue(Analysis analysis, RegisterDef r, int line, DeviceProfile profile) {
        StringBuilder b = new StringBuilder(RegisterDoc.register(r, profile));
        b.append(execVersusSpec(r, r.fields(profile)));
        analysis.valueAfter(line, r).ifPresent(v -> {
            b.append("\n---\n\n");
            if (v.twoCopies()) {
                b.append("**Value after line ").append(line).append("**: shadow `").append(Format.hex(v.shadow(), r.width()))
                        .append("`, host copy `").append(Format.hex(v.host(), r.width())).append("`\n");
            } else {
                b.append("**Value after line ").append(line).append("**: `").append(Format.hex(v.shadow(), r.width()))
                        .append("`\n");
            }
            if (!r.fields(v.profile()).isEmpty()) {
                b.append('\n').append(v.twoCopies() ? "| field | shadow | host |\n|---|---|---|\n" : "| field | value |\n|---|---|\n");
                for (FieldDef f : r.fields(v.profile())) {
                    b.append("| `").append(f.name()).append("` | ").append(Format.field(f.extract(v.shadow())));
                    if (v.twoCopies()) {
                        b.append(" | ").append(Format.field(f.extract(v.host())));
                    }
                    b.append(" |\n");
                }
            }
        });
        return b.toString();
    }

    private static String fieldWithValue(Analysis analysis, RegisterDef r, FieldDef f, int line, DeviceProfile profile) {
        StringBuilder b = new StringBuilder(RegisterDoc.field(r, f, profile));
        b.append(execVersusSpec(r, List.of(f)));
        analysis.valueAfter(line, r).ifPresent(v -> {
            b.append("\n---\n\n**Value after line ").append(line).append("**: ");
            if (v.twoCopies()) {
                b.append("shadow `").append(Format.field(f.extract(v.shadow()))).append("`, host copy `")
                        .append(Format.field(f.extract(v.host()))).append("`\n");
            } else {
                b.append('`').append(Format.field(f.extract(v.shadow()))).append("`\n");
            }
        });
        return b.toString();
    }

    private static String op(Statement.Op op) {
        return "**" + op.spelling() + "**: " + (op.write() ? "writes " : "reads ") + op.bits() + " bits (" + op.bytes()
                + (op.bytes() == 1 ? " byte" : " bytes") + ") " + (op.write() ? "to" : "from")
                + " the location, as one VFIO region " + (op.write() ? "write" : "read") + " by the guest";
    }

    private static String space(Space space) {
        String what = switch (space) {
            case CFG -> "PCI configuration space (VFIO config region 7), where the PCIe capabilities and the CXL DVSECs live";
            case COMP -> "the CXL component register block (the COMP_REGS region), with the HDM decoder capability";
            case HDM -> "the HDM memory region: device memory, not registers";
            default -> "BAR " + space.barIndex() + " as a VFIO region";
        };
        return "**" + space.canonicalName() + "**: " + what;
    }

    private static String errno(Errno errno) {
        return "**" + errno.name() + "** (" + errno.number() + "): " + errno.text()
                + "; the line says the access (or creation) fails with it";
    }
}
