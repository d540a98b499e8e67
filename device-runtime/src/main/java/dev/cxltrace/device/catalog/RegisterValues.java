package dev.cxltrace.device.catalog;

/** Read access to a device's guest-visible register values, for evaluating gates. */
@FunctionalInterface
public interface RegisterValues {
    long value(RegisterDef register);

    default long field(FieldDef field, RegisterDef register) {
        return field.extract(value(register));
    }
}
