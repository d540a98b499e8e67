package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.RegisterDef;
import java.util.Optional;

/**
 * Bits of one field whose change a write wanted and did not get, and why.
 *
 * @param register the register, or null for an unassigned area
 * @param field    the field, or null for bits no field names
 * @param mask     the dropped bits, in register position
 * @param reason   why they were dropped
 * @param attribute the attribute that refused them (for a gate: the RWL attribute)
 * @param gate     the lock, for {@link DropReason#LOCKED}
 * @param cause    the field whose value closes the gate
 * @param setter   who set that field: a trace line or a profile parameter
 */
public record Drop(
        RegisterDef register,
        FieldDef field,
        long mask,
        DropReason reason,
        Attribute attribute,
        Optional<Gate> gate,
        FieldDef cause,
        Provenance setter) {
}
