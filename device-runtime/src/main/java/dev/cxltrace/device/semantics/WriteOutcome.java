package dev.cxltrace.device.semantics;

import dev.cxltrace.device.catalog.RegisterDef;
import java.util.List;

/**
 * What one write did to one register (or, with {@code register == null}, to an unassigned area
 * at {@code offset}): the value before and after, the bits that changed, the bits that were
 * dropped and why, and the bits where the passthrough did what the specification would not
 * ({@code specDivergence}, the I-SPEC note of REGISTERS.md §2.4). Every mask is over the widened
 * byte enables ({@code byteEnables}, §2.3).
 */
public record WriteOutcome(
        RegisterDef register,
        long offset,
        long before,
        long after,
        long written,
        long byteEnables,
        long changedMask,
        long droppedMask,
        long specDivergence,
        List<Drop> drops) {

    public boolean dropsAnything() {
        return droppedMask != 0;
    }
}
