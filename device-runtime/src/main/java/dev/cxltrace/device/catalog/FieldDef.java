package dev.cxltrace.device.catalog;

import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One field of a register: bits {@code hi:lo}, its attribute in the CXL or PCIe specification
 * ({@code spec}) and in the passthrough's shadow ({@code exec}), its firmware value as a function
 * of the profile, and its documentation.
 */
public record FieldDef(
        String name,
        int hi,
        int lo,
        Attribute spec,
        Attribute exec,
        ToLongFunction<DeviceProfile> reset,
        String description,
        List<EnumValue> enums,
        List<String> aliases) {

    public int width() {
        return hi - lo + 1;
    }

    /** The field's bits in the register. */
    public long mask() {
        return width() == 64 ? -1L : ((1L << width()) - 1) << lo;
    }

    /** The field's value within a register value. */
    public long extract(long registerValue) {
        return (registerValue & mask()) >>> lo;
    }

    /** A register value with only this field set to {@code value} (which must fit). */
    public long place(long value) {
        return (value << lo) & mask();
    }

    public boolean fits(long value) {
        return width() == 64 || (value >>> width()) == 0;
    }

    public long resetValue(DeviceProfile profile) {
        return reset.applyAsLong(profile);
    }

    /** Whether the name (case-insensitive) is this field's name or one of its aliases. */
    public boolean answersTo(String candidate) {
        if (name.equalsIgnoreCase(candidate)) {
            return true;
        }
        for (String a : aliases) {
            if (a.equalsIgnoreCase(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The bit range as the specification writes it: {@code 2} or {@code 7:3}. */
    public String bits() {
        return hi == lo ? Integer.toString(lo) : hi + ":" + lo;
    }

    /** The documented meaning of a value, if the field has enum values. */
    public String meaningOf(long value) {
        for (EnumValue e : enums) {
            if (e.value() == value) {
                return e.meaning();
            }
        }
        return null;
    }
}
