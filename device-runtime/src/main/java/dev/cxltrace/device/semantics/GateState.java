package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;

/** The device's locks as a write sees them: open or closed, and who closed them. */
public interface GateState {
    boolean closed(Gate gate);

    /** The field whose value closes the gate now. */
    FieldDef cause(Gate gate);

    /** Who set that field: the line or the profile parameter. */
    Provenance setter(FieldDef field);
}
