package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.vfio.VfioDevice;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves an access statement against the device it runs on: its location through the register
 * catalog (with the space it must belong to), its value and expected value, field compositions
 * included (TRACE-LANGUAGE.md §2). Resolution errors are diagnostics, never exceptions.
 */
public final class AccessResolver {
    private AccessResolver() {
    }

    /** A resolved access, or the diagnostic that stops the line. */
    public record Result(ResolvedAccess access, Diagnostic error) {
        public boolean ok() {
            return access != null;
        }
    }

    /** Resolves {@code a}; {@code device} supplies the model's values for a {@code ..} composition. */
    public static Result resolve(Statement.Access a, DeviceProfile profile, VfioDevice device) {
        Statement.Location loc = a.location();
        int bytes = a.op().bytes();
        long offset = loc.number();
        RegisterDef register = null;
        if (loc.named()) {
            register = loc.register();
            if (register == null) {
                return error(Diagnostic.of(loc.nameSpan(), DiagnosticCode.E_NAME, "unknown register " + Names.shown(loc.name())
                        + Names.didYouMean(loc.name(), TargetResolver.allNames())));
            }
            if (register.space() != a.space()) {
                String why = a.space() == Space.HDM ? "the hdm space is memory and has no register names; "
                        : a.space().barIndex() >= 0 ? "a BAR region has no register names; " : "";
                return error(Diagnostic.of(loc.nameSpan(), DiagnosticCode.E_SPACE, why + register.path() + " is a "
                        + register.space() + " register, not " + a.space() + "; write " + a.op().spelling() + " "
                        + register.space() + " " + register.path()));
            }
            offset = register.offset() + loc.number();
        }
        Coverage coverage = Coverage.of(a.space(), offset, bytes, profile);
        long mask = bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
        long value = 0;
        if (a.value() != null) {
            Valued v = valueOf(a.value(), a, offset, coverage, profile, device, mask);
            if (v.error != null) {
                return error(v.error);
            }
            value = v.value;
        }
        long expected = 0;
        long expectedMask = 0;
        if (a.expected() != null) {
            Valued v = valueOf(a.expected(), a, offset, coverage, profile, null, mask);
            if (v.error != null) {
                return error(v.error);
            }
            expected = v.value;
            expectedMask = v.mask;
        }
        return new Result(new ResolvedAccess(a, a.space(), offset, bytes, register, value, a.expected() != null,
                expected, expectedMask, coverage), null);
    }


    private static Result error(Diagnostic d) {
        return new Result(null, d);
    }

    private record Valued(long value, long mask, Diagnostic error) {
    }

    private static Valued valueOf(Statement.Value v, Statement.Access a, long offset, Coverage coverage, DeviceProfile profile,
            VfioDevice device, long accessMask) {
        if (v instanceof Statement.IntValue i) {
            if ((i.value() & ~accessMask) != 0) {
                return new Valued(0, 0, Diagnostic.of(i.span(), DiagnosticCode.E_NUMBER, Format.hex(i.value())
                        + " is wider than " + a.op().spelling() + " (" + a.op().bits() + " bits)"));
            }
            return new Valued(i.value(), accessMask, null);
        }
        Statement.Composition c = (Statement.Composition) v;
        long value = 0;
        long mask = 0;
        for (Statement.FieldValue fv : c.fields()) {
            Placed p = place(fv, offset, coverage, profile, a);
            if (p.error != null) {
                return new Valued(0, 0, p.error);
            }
            if (!p.field.field().fits(fv.value())) {
                return new Valued(0, 0, Diagnostic.of(fv.valueSpan(), DiagnosticCode.E_NUMBER, Format.hex(fv.value())
                        + " does not fit in " + p.field.qualifiedName() + " (" + p.field.field().width() + " bit"
                        + (p.field.field().width() == 1 ? "" : "s") + ")"));
            }
            if ((mask & p.field.mask()) != 0) {
                return new Valued(0, 0, Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD,
                        p.field.qualifiedName() + " is named twice in the composition"));
            }
            value |= fv.value() << p.field.shift();
            mask |= p.field.mask();
        }
        if (c.rest() && device != null) {
            value |= modelValue(coverage, device) & ~mask;
        }
        return new Valued(value, mask, null);
    }

    /** The access's bytes as the model holds them now, without performing an access. */
    public static long modelValue(Coverage coverage, VfioDevice device) {
        long v = 0;
        for (RegisterDef r : coverage.registers()) {
            int shift = coverage.shiftOf(r);
            long rv = device.value(r);
            v |= shift >= 0 ? rv << shift : rv >>> -shift;
        }
        return coverage.bytes() == 8 ? v : v & ((1L << (8 * coverage.bytes())) - 1);
    }

    private record Placed(CoveredField field, Diagnostic error) {
    }

    private static Placed place(Statement.FieldValue fv, long offset, Coverage coverage, DeviceProfile profile,
            Statement.Access a) {
        if (coverage.registers().isEmpty()) {
            String where = a.space() == Space.HDM ? "the hdm space is memory and has no fields"
                    : "this " + a.space() + " access covers no register, so it has no fields";
            return new Placed(null, Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, where + "; write an integer value"));
        }
        CoveredField partial = null;
        CoveredField outside = null;
        for (RegisterDef r : coverage.registers()) {
            FieldDef f = r.field(fv.name(), profile).orElse(null);
            if (f == null) {
                continue;
            }
            CoveredField placed = new CoveredField(r, f, coverage.shiftOf(r) + f.lo());
            if (coverage.wholly(r, f)) {
                return new Placed(placed, null);
            }
            // A field of a partly covered register may still lie wholly outside the access: that
            // is a field the access does not cover, not one it covers in part (TRACE-LANGUAGE.md §2).
            if (coverage.overlaps(r, f)) {
                partial = partial == null ? placed : partial;
            } else {
                outside = outside == null ? placed : outside;
            }
        }
        String access = "this " + a.op().spelling() + " at " + Format.hex(offset);
        if (partial != null) {
            return new Placed(null, Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, partial.qualifiedName()
                    + " lies only partly inside " + access + "; widen the access to cover the whole field"));
        }
        if (outside != null) {
            return new Placed(null, Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, outside.qualifiedName()
                    + " lies outside " + access + "; move the access to cover it, or leave the field out"));
        }
        List<String> names = new ArrayList<>();
        for (CoveredField cf : coverage.fields(profile)) {
            names.add(cf.field().name());
        }
        List<String> paths = new ArrayList<>();
        for (RegisterDef r : coverage.registers()) {
            paths.add(r.path());
        }
        return new Placed(null, Diagnostic.of(fv.nameSpan(), DiagnosticCode.E_FIELD, "no field " + fv.name() + " in "
                + String.join(" or ", paths) + Names.didYouMean(fv.name(), names)
                + (names.isEmpty() ? "" : " (fields: " + String.join(", ", names) + ")")));
    }
}
