package dev.cxltrace.lang.exec;

import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Related;
import dev.cxltrace.lang.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the device reports about a write into diagnostics: one warning per dropped field
 * (the code follows the drop's reason, decided once by the device) and one note per field where
 * the passthrough did what the specification would not (I-SPEC).
 */
final class DropMessages {
    private DropMessages() {
    }

    /** Where the profile parameters of the device line are, to point at the setter of a gate. */
    interface ParameterLocator {
        Span spanOf(String parameter);

        String profileName();

        /** Whether the device is plain vfio-pci (REGISTERS.md §5.8), so the decoder runs FSM-H rather than FSM-DEC. */
        boolean plainDevice();
    }

    static DiagnosticCode code(DropReason reason) {
        return switch (reason) {
            case READ_ONLY -> DiagnosticCode.W_RO;
            case RESERVED -> DiagnosticCode.W_RSVD;
            case LOCKED -> DiagnosticCode.W_LOCKED;
            case LATCHED -> DiagnosticCode.W_RWO;
            case DECODER_COMMITTED -> DiagnosticCode.W_FSM;
            case SPAN -> DiagnosticCode.W_SPAN;
            case UNMODELLED -> DiagnosticCode.W_UNMODELLED;
        };
    }

    /**
     * {@code space} is where the registers are ({@code comp} for a plain device's component block),
     * {@code accessSpace} the space the line names ({@code bar0}).
     */
    static void add(WriteOutcome o, Space space, Space accessSpace, String op, long accessOffset, Span span,
            ParameterLocator params, List<Diagnostic> out) {
        for (Drop d : o.drops()) {
            out.add(drop(o, d, space, accessSpace, op, accessOffset, span, params));
        }
        if (o.specDivergence() != 0 && o.register() != null) {
            for (FieldDef f : o.register().fields()) {
                long m = o.specDivergence() & f.mask();
                if (m == 0) {
                    continue;
                }
                String name = o.register().path() + "." + f.name();
                out.add(Diagnostic.of(span, DiagnosticCode.I_SPEC, name + ": the passthrough's shadow now holds "
                        + Format.field(f.extract(o.after())) + "; the specification (" + f.spec().label() + ") would keep "
                        + Format.field(f.extract(o.before()))));
            }
        }
    }

    private static Diagnostic drop(WriteOutcome o, Drop d, Space space, Space accessSpace, String op, long accessOffset,
            Span span, ParameterLocator params) {
        DiagnosticCode code = code(d.reason());
        String name = name(o, d, space, accessSpace);
        long kept = d.field() != null ? d.field().extract(o.after()) : (o.after() & d.mask()) >>> Long.numberOfTrailingZeros(d.mask());
        List<Related> related = new ArrayList<>();
        String message = switch (d.reason()) {
            case READ_ONLY -> name + " not written: " + d.attribute().label() + ", it keeps " + Format.field(kept);
            case RESERVED -> d.attribute() == Attribute.RSVD_Z
                    ? name + " not written: RsvdZ, software must write 0"
                    : name + " not written: RsvdP, write back the value read (" + Format.field(kept) + ")";
            case LOCKED -> name + " not written: locked by " + lockName(d) + setter(d.setter(), params, related);
            case LATCHED -> name + " not cleared: RWO, latched at 1 until the device is re-created";
            // FSM-H (a plain device) keeps taking RWL fields while committed; only the bits the
            // hardware owns are refused, so the FSM-DEC advice would be wrong there (REGISTERS.md §5.3).
            case DECODER_COMMITTED -> params.plainDevice()
                    ? name + " not written: " + d.attribute().label() + " in the committed hardware decoder, it keeps "
                            + Format.field(kept)
                    : name + " not written: decoder 0 is committed and honours only COMMIT;"
                            + " write COMMIT=0 first to uncommit it";
            case SPAN -> name + " not written: this " + op + " at " + Format.hex(accessOffset)
                    + " reaches only the DVSEC register holding its first byte; write " + o.register().path() + " on its own";
            case UNMODELLED -> d.register() == null
                    ? name + ": nothing is modelled here; the non-zero write was dropped"
                    : name + " not written: not modelled; the write was dropped";
        };
        return Diagnostic.of(span, code, message, List.copyOf(related));
    }

    private static String name(WriteOutcome o, Drop d, Space space, Space accessSpace) {
        if (d.register() == null) {
            return space + " " + Format.hex(o.offset()) + (accessSpace == space ? "" : " (through " + accessSpace + ")");
        }
        if (d.field() != null) {
            return d.register().path() + "." + d.field().name();
        }
        return d.register().path() + "[" + Format.bits(d.mask()) + "]";
    }

    private static String lockName(Drop d) {
        String cause = d.cause() != null ? d.cause().name() : d.gate().map(Enum::name).orElse("its lock");
        return cause;
    }

    private static String setter(Provenance p, ParameterLocator params, List<Related> related) {
        if (p instanceof Provenance.Line l) {
            related.add(new Related(new Span(l.number(), 0, 0), "set here"));
            return ", set at line " + l.number();
        }
        if (p instanceof Provenance.Parameter param) {
            Span s = params.spanOf(param.name());
            if (s != null) {
                related.add(new Related(s, "set here"));
                return ", set by profile " + param.name() + " at line " + s.line();
            }
            return ", set by profile " + param.name() + " (" + params.profileName() + ")";
        }
        return "";
    }
}
