package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.lang.syntax.Statement;

/**
 * An access with its location resolved: where it goes, the value to write, and what a read must
 * return ({@code expectedMask} selects the compared bits: all of them for an integer, the named
 * fields for a composition).
 *
 * @param register the register the location named, or null for an integer offset
 */
public record ResolvedAccess(
        Statement.Access statement,
        Space space,
        long offset,
        int bytes,
        RegisterDef register,
        long value,
        boolean hasExpected,
        long expectedValue,
        long expectedMask,
        Coverage coverage) {

    public boolean write() {
        return statement.op().write();
    }

    public long accessMask() {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }
}
