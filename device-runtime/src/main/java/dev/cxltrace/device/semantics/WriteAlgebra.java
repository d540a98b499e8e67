package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic write path of one register in one view: its bits grouped by attribute, the masks
 * derived from the catalog's fields (never typed), and the fold of REGISTERS.md §2.1 over them.
 * No register name appears here.
 *
 * <p>The device runs this once or twice per register per access, so the groups are also compiled
 * (docs/PERFORMANCE.md). Every attribute without a gate acts bit by bit: the new bit and the
 * dropped bit depend only on that bit of the old value, the written data and the byte enables.
 * Such a function of three bits is a truth table of eight rows, so the whole register's gateless
 * groups become eight masks for {@link #apply} and eight for {@link #dropped}, read off the
 * attributes themselves when the algebra is built ({@link Attribute} stays the only statement of
 * the algebra). RWL groups are kept apart, because their result depends on the gate.
 */
public final class WriteAlgebra {
    private final RegisterDef register;
    private final View view;
    private final Attribute[] attributes;
    private final long[] masks;
    private final Gate[] gates;
    private final Optional<Gate>[] gateOptionals;

    // Truth tables of the gateless bits. Row r holds the bits whose result is 1 when
    // old = r>>2 & 1, w = r>>1 & 1, be = r & 1.
    private final long apply0, apply1, apply2, apply3, apply4, apply5, apply6, apply7;
    private final long drop0, drop1, drop2, drop3, drop4, drop5, drop6, drop7;
    // The groups behind a gate.
    private final Attribute[] lockedAttributes;
    private final Gate[] lockedGates;
    private final long[] lockedMasks;

    // For drops(): the fields in bit order, their groups, and the bits no field lists.
    private final FieldDef[] fieldArray;
    private final long[] fieldMasks;
    private final int[] fieldGroups;
    private final long unlisted;
    private final int unlistedGroup;
    /** Per field of a gateless group: the drop of the whole field, which never varies, and it alone as a list. */
    private final Drop[] wholeFieldDrops;
    private final List<Drop>[] wholeFieldDropLists;

    @SuppressWarnings("unchecked")
    private WriteAlgebra(RegisterDef register, List<FieldDef> fields, View view, Map<Attribute, Long> groups) {
        this.register = register;
        this.view = view;
        int n = groups.size();
        this.attributes = new Attribute[n];
        this.masks = new long[n];
        this.gates = new Gate[n];
        this.gateOptionals = new Optional[n];
        long[] applyRows = new long[8];
        long[] dropRows = new long[8];
        List<Integer> locked = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Attribute, Long> e : groups.entrySet()) {
            Attribute a = e.getKey();
            long mask = e.getValue();
            attributes[i] = a;
            masks[i] = mask;
            gates[i] = a.gate().orElse(null);
            gateOptionals[i] = a.gate();
            if (gates[i] != null) {
                locked.add(i);
            } else {
                addRows(a, mask, applyRows, dropRows);
            }
            i++;
        }
        apply0 = applyRows[0];
        apply1 = applyRows[1];
        apply2 = applyRows[2];
        apply3 = applyRows[3];
        apply4 = applyRows[4];
        apply5 = applyRows[5];
        apply6 = applyRows[6];
        apply7 = applyRows[7];
        drop0 = dropRows[0];
        drop1 = dropRows[1];
        drop2 = dropRows[2];
        drop3 = dropRows[3];
        drop4 = dropRows[4];
        drop5 = dropRows[5];
        drop6 = dropRows[6];
        drop7 = dropRows[7];
        lockedAttributes = new Attribute[locked.size()];
        lockedGates = new Gate[locked.size()];
        lockedMasks = new long[locked.size()];
        for (int j = 0; j < locked.size(); j++) {
            int k = locked.get(j);
            lockedAttributes[j] = attributes[k];
            lockedGates[j] = gates[k];
            lockedMasks[j] = masks[k];
        }

        List<FieldDef> sorted = new ArrayList<>(fields);
        sorted.sort((a, b) -> Integer.compare(a.lo(), b.lo()));
        fieldArray = sorted.toArray(new FieldDef[0]);
        fieldMasks = new long[fieldArray.length];
        fieldGroups = new int[fieldArray.length];
        wholeFieldDrops = new Drop[fieldArray.length];
        wholeFieldDropLists = new List[fieldArray.length];
        long listed = 0;
        for (int f = 0; f < fieldArray.length; f++) {
            fieldMasks[f] = fieldArray[f].mask();
            listed |= fieldMasks[f];
            fieldGroups[f] = -1;
            for (int k = 0; k < n; k++) {
                if ((masks[k] & fieldMasks[f]) != 0) {
                    fieldGroups[f] = k;
                }
            }
            int g = fieldGroups[f];
            if (g >= 0 && gates[g] == null) {
                Attribute a = attributes[g];
                wholeFieldDrops[f] = new Drop(register, fieldArray[f], fieldMasks[f], a.reason(), a, gateOptionals[g], null, null);
                wholeFieldDropLists[f] = List.of(wholeFieldDrops[f]);
            }
        }
        unlisted = ~listed;
        int group = -1;
        for (int k = 0; k < n; k++) {
            if ((masks[k] & ~listed) != 0) {
                group = k;
            }
        }
        unlistedGroup = group;
        selfCheck();
    }

    /** Old value, written data and byte enables whose bit {@code r} is row {@code r} of a truth table. */
    private static final long ROW_OLD = 0xF0;
    private static final long ROW_W = 0xCC;
    private static final long ROW_BE = 0xAA;

    /** Adds the truth tables of a gateless attribute, restricted to {@code mask}, to the rows. */
    private static void addRows(Attribute a, long mask, long[] applyRows, long[] dropRows) {
        long applied = a.apply(ROW_OLD, ROW_W, ROW_BE, false);
        long dropped = a.dropped(ROW_OLD, ROW_W, ROW_BE, false);
        for (int r = 0; r < 8; r++) {
            if ((applied >>> r & 1) != 0) {
                applyRows[r] |= mask;
            }
            if ((dropped >>> r & 1) != 0) {
                dropRows[r] |= mask;
            }
        }
    }

    /**
     * The compiled form must agree with the attributes; it does when every gateless attribute
     * acts bit by bit. A new attribute that does not would fail here, when the catalog loads.
     */
    private void selfCheck() {
        long[][] samples = {
                {0, 0, 0}, {-1L, -1L, -1L}, {0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L, 0x00FF_FF00_F0F0_0F0FL},
                {0x5555_5555_5555_5555L, 0x3333_3333_3333_3333L, 0x0F0F_0F0F_0F0F_0F0FL}};
        for (long[] s : samples) {
            long expectApply = 0;
            long expectDropped = 0;
            for (int k = 0; k < attributes.length; k++) {
                if (gates[k] == null) {
                    expectApply |= attributes[k].apply(s[0], s[1], s[2], false) & masks[k];
                    expectDropped |= attributes[k].dropped(s[0], s[1], s[2], false) & masks[k];
                }
            }
            if (expectApply != applyGateless(s[0], s[1], s[2]) || expectDropped != droppedGateless(s[0], s[1], s[2])) {
                throw new IllegalStateException("the write algebra of " + register.path() + " (" + view
                        + ") does not act bit by bit; WriteAlgebra cannot compile it");
            }
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
        long next = applyGateless(old, w, be);
        for (int i = 0; i < lockedGates.length; i++) {
            next |= lockedAttributes[i].apply(old, w, be, gateState.closed(lockedGates[i])) & lockedMasks[i];
        }
        return next;
    }

    /** The bits the write wanted to change and the attributes refused. */
    public long dropped(long old, long w, long be, GateState gateState) {
        long dropped = droppedGateless(old, w, be);
        for (int i = 0; i < lockedGates.length; i++) {
            dropped |= lockedAttributes[i].dropped(old, w, be, gateState.closed(lockedGates[i])) & lockedMasks[i];
        }
        return dropped;
    }

    private long applyGateless(long old, long w, long be) {
        return evaluate(old, w, be, apply0, apply1, apply2, apply3, apply4, apply5, apply6, apply7);
    }

    private long droppedGateless(long old, long w, long be) {
        return evaluate(old, w, be, drop0, drop1, drop2, drop3, drop4, drop5, drop6, drop7);
    }

    /** A truth table of eight rows applied to every bit at once. */
    private static long evaluate(long o, long w, long b, long r0, long r1, long r2, long r3, long r4, long r5, long r6,
            long r7) {
        long nb = ~b;
        long no = ~o;
        long nw = ~w;
        return (no & nw & (nb & r0 | b & r1))
                | (no & w & (nb & r2 | b & r3))
                | (o & nw & (nb & r4 | b & r5))
                | (o & w & (nb & r6 | b & r7));
    }

    /**
     * The dropped bits as one {@link Drop} per field and attribute, with the gate and its setter,
     * ordered by their lowest bit.
     */
    public List<Drop> drops(long old, long w, long be, GateState gateState) {
        // Groups are disjoint and every field lies in one group, so a field's drop is the dropped
        // bits inside it, and the bits that no field lists make one more drop.
        long all = dropped(old, w, be, gateState);
        if (all == 0) {
            return List.of();
        }
        long rest = all & unlisted;
        Drop first = null;
        Drop second = null;
        Drop[] more = null;
        int count = 0;
        int firstField = -1;
        for (int f = 0; f < fieldArray.length; f++) {
            long m = all & fieldMasks[f];
            if (m == 0) {
                continue;
            }
            Drop whole = wholeFieldDrops[f];
            Drop d = whole != null && m == fieldMasks[f] ? whole : drop(fieldGroups[f], fieldArray[f], m, gateState, first);
            if (count == 0) {
                first = d;
                firstField = f;
            } else if (count == 1) {
                second = d;
            } else {
                if (more == null) {
                    more = new Drop[fieldArray.length + 1];
                    more[0] = first;
                    more[1] = second;
                }
                more[count] = d;
            }
            count++;
        }
        if (rest == 0) {
            return switch (count) {
                case 1 -> first == wholeFieldDrops[firstField] ? wholeFieldDropLists[firstField] : List.of(first);
                case 2 -> List.of(first, second);
                default -> List.of(Arrays.copyOf(more, count));
            };
        }
        // The bits no field lists, in place by their lowest bit (the fields are in bit order).
        Drop[] out = new Drop[count + 1];
        if (more != null) {
            System.arraycopy(more, 0, out, 0, count);
        } else if (count > 0) {
            out[0] = first;
            if (count > 1) {
                out[1] = second;
            }
        }
        int at = count;
        while (at > 0 && Long.compareUnsigned(Long.lowestOneBit(out[at - 1].mask()), Long.lowestOneBit(rest)) > 0) {
            out[at] = out[at - 1];
            at--;
        }
        out[at] = drop(unlistedGroup, null, rest, gateState, first);
        return out.length == 1 ? List.of(out[0]) : List.of(out);
    }

    /** A drop of {@code mask}; the gate's cause and setter are taken from {@code earlier} when it is of the same gate. */
    private Drop drop(int group, FieldDef field, long mask, GateState gateState, Drop earlier) {
        Gate gate = gates[group];
        FieldDef cause = null;
        Provenance setter = null;
        if (gate != null) {
            if (earlier != null && earlier.gate().orElse(null) == gate) {
                cause = earlier.cause();
                setter = earlier.setter();
            } else {
                cause = gateState.cause(gate);
                setter = cause == null ? null : gateState.setter(cause);
            }
        }
        Attribute a = attributes[group];
        return new Drop(register, field, mask, a.reason(), a, gateOptionals[group], cause, setter);
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
