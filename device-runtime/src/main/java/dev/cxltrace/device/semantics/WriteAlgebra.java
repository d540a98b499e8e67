package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic write path of one register in one view: its bits grouped by attribute, the masks
 * derived from the catalog's fields (never typed), and the fold of REGISTERS.md §2.1 over them.
 * No register name appears here.
 */
public final class WriteAlgebra {
    private final RegisterDef register;
    private final List<FieldDef> fields;
    private final View view;
    private final Attribute[] attributes;
    private final long[] masks;
    private final Gate[] gates;

    private WriteAlgebra(RegisterDef register, List<FieldDef> fields, View view, Map<Attribute, Long> groups) {
        this.register = register;
        this.fields = fields;
        this.view = view;
        int n = groups.size();
        this.attributes = new Attribute[n];
        this.masks = new long[n];
        this.gates = new Gate[n];
        int i = 0;
        for (Map.Entry<Attribute, Long> e : groups.entrySet()) {
            attributes[i] = e.getKey();
            masks[i] = e.getValue();
            gates[i] = e.getKey().gate().orElse(null);
            i++;
        }
    }

    /** Compiles a register's fields, as laid out for {@code profile}, in {@code view}. */
    public static WriteAlgebra of(RegisterDef register, DeviceProfile profile, View view) {
        List<FieldDef> fields = register.fields(profile);
        Map<Attribute, Long> groups = new LinkedHashMap<>();
        long listed = 0;
        for (FieldDef f : fields) {
            Attribute a = view == View.EXEC ? register.execAttribute(f) : f.spec();
            groups.merge(a, f.mask(), (x, y) -> x | y);
            listed |= f.mask();
        }
        long unlisted = register.valueMask() & ~listed;
        if (unlisted != 0) {
            // Bits no field lists are RO 0 (REGISTERS.md, preamble), unless the series applies one
            // rule to the whole register.
            Attribute a = view == View.EXEC ? register.execWhole().orElse(Attribute.RO) : Attribute.RO;
            groups.merge(a, unlisted, (x, y) -> x | y);
        }
        return new WriteAlgebra(register, fields, view, groups);
    }

    public RegisterDef register() {
        return register;
    }

    public View view() {
        return view;
    }

    /** The value after writing {@code w} under byte enables {@code be} onto {@code old}. */
    public long apply(long old, long w, long be, GateState gateState) {
        long next = 0;
        for (int i = 0; i < attributes.length; i++) {
            boolean closed = gates[i] != null && gateState.closed(gates[i]);
            next |= attributes[i].apply(old, w, be, closed) & masks[i];
        }
        return next;
    }

    /** The bits the write wanted to change and the attributes refused. */
    public long dropped(long old, long w, long be, GateState gateState) {
        long dropped = 0;
        for (int i = 0; i < attributes.length; i++) {
            boolean closed = gates[i] != null && gateState.closed(gates[i]);
            dropped |= attributes[i].dropped(old, w, be, closed) & masks[i];
        }
        return dropped;
    }

    /** The dropped bits as one {@link Drop} per field and attribute, with the gate and its setter. */
    public List<Drop> drops(long old, long w, long be, GateState gateState) {
        List<Drop> out = new ArrayList<>(2);
        for (int i = 0; i < attributes.length; i++) {
            Gate gate = gates[i];
            boolean closed = gate != null && gateState.closed(gate);
            long d = attributes[i].dropped(old, w, be, closed) & masks[i];
            if (d == 0) {
                continue;
            }
            FieldDef cause = gate == null ? null : gateState.cause(gate);
            Provenance setter = cause == null ? null : gateState.setter(cause);
            long rest = d;
            for (FieldDef f : fields) {
                long m = d & f.mask();
                if (m != 0) {
                    out.add(new Drop(register, f, m, attributes[i].reason(), attributes[i], Optional.ofNullable(gate), cause, setter));
                    rest &= ~m;
                }
            }
            if (rest != 0) {
                out.add(new Drop(register, null, rest, attributes[i].reason(), attributes[i], Optional.ofNullable(gate), cause, setter));
            }
        }
        out.sort((a, b) -> Long.compareUnsigned(Long.lowestOneBit(a.mask()), Long.lowestOneBit(b.mask())));
        return out;
    }

    /** The attribute this view gives the bits of {@code mask} (the first group that has any). */
    public Attribute attributeOf(long mask) {
        for (int i = 0; i < attributes.length; i++) {
            if ((masks[i] & mask) != 0) {
                return attributes[i];
            }
        }
        return Attribute.RO;
    }

    /** The mask of bits with exactly this attribute. */
    public long maskOf(Attribute attribute) {
        long m = 0;
        for (int i = 0; i < attributes.length; i++) {
            if (attributes[i].equals(attribute)) {
                m |= masks[i];
            }
        }
        return m;
    }
}
