package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.resolve.CoveredField;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What each access did, shown at the end of its statement: after a successful read, the value
 * read and its non-zero fields ({@code → 0x600 {COMMIT=1, COMMITTED=1}}); after a write, the
 * fields that changed ({@code MEM_ENABLE 0→1}) and those dropped ({@code dropped: MEM_ENABLE
 * (locked)}). Only lines {@code first..last} (1-based, inclusive) are answered. Stateless.
 */
public final class InlayHintService {

    public List<InlayHintInfo> hints(Analysis analysis, int first, int last, CancelToken cancel) {
        cancel.check();
        DeviceProfile profile = analysis.profile();
        List<InlayHintInfo> out = new ArrayList<>();
        int from = Math.max(1, first);
        int to = Math.min(last, analysis.outcomes().size());
        for (int line = from; line <= to; line++) {
            LineOutcome o = analysis.outcomes().get(line - 1);
            if (!(o.statement() instanceof Statement.Access a) || o.result() == null || !o.result().ok() || o.access() == null) {
                continue;
            }
            String label = a.op().write() ? write(o, profile) : read(o, profile);
            if (!label.isEmpty()) {
                out.add(new InlayHintInfo(line, a.span().end(), label));
            }
        }
        return List.copyOf(out);
    }

    private static String read(LineOutcome o, DeviceProfile profile) {
        long value = o.result().value();
        List<String> fields = new ArrayList<>();
        for (CoveredField f : o.access().coverage().fields(profile)) {
            long v = f.extract(value);
            if (v != 0) {
                fields.add(f.field().name() + "=" + Format.field(v));
            }
        }
        return " → " + Format.hex(value) + (fields.isEmpty() ? "" : " {" + String.join(", ", fields) + "}");
    }

    private static String write(LineOutcome o, DeviceProfile profile) {
        List<String> parts = new ArrayList<>();
        for (WriteOutcome w : o.result().outcomes()) {
            if (w.register() == null) {
                continue;
            }
            for (FieldDef f : w.register().fields(profile)) {
                if ((w.changedMask() & f.mask()) != 0) {
                    parts.add(f.name() + " " + Format.field(f.extract(w.before())) + "→" + Format.field(f.extract(w.after())));
                }
            }
        }
        for (WriteOutcome w : o.result().outcomes()) {
            for (Drop d : w.drops()) {
                String name = d.field() != null ? d.field().name()
                        : d.register() != null ? d.register().path() + "[" + Format.bits(d.mask()) + "]"
                        : "bits " + Format.bits(d.mask());
                parts.add("dropped: " + name + " (" + reason(d.reason()) + ")");
            }
        }
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    private static String reason(DropReason reason) {
        return switch (reason) {
            case READ_ONLY -> "read-only";
            case RESERVED -> "reserved";
            case LOCKED -> "locked";
            case LATCHED -> "write-once";
            case DECODER_COMMITTED -> "decoder committed";
            case SPAN -> "outside the first register";
            case UNMODELLED -> "not modelled";
        };
    }

}
