package dev.cxltrace.device.catalog;

/** A field together with the register it belongs to. */
public record FieldRef(RegisterDef register, FieldDef field) {
    @Override
    public String toString() {
        return register.path() + "." + field.name();
    }
}
