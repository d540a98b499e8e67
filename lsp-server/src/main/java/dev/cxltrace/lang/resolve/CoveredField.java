package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterDef;

/**
 * A field of a register whose bytes an access covers, placed in the access: {@code shift} is
 * where the field's bit 0 lands in the accessed value.
 */
public record CoveredField(RegisterDef register, FieldDef field, int shift) {

    /** The field's bits in the accessed value. */
    public long mask() {
        return field.width() == 64 ? -1L : ((1L << field.width()) - 1) << shift;
    }

    public long extract(long accessValue) {
        return (accessValue & mask()) >>> shift;
    }

    /** {@code dvsec.control.MEM_ENABLE}. */
    public String qualifiedName() {
        return register.path() + "." + field.name();
    }
}
