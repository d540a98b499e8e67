package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The registers whose bytes an access covers, and their fields placed in the access's value
 * (TRACE-LANGUAGE.md §2, field compositions). In {@code cfg} and {@code comp} the catalog's
 * registers; in {@code barN} of a plain device the component block's registers inside the
 * window; in {@code hdm} and other BAR bytes none.
 */
public final class Coverage {
    private final Space registerSpace;
    private final long registerOffset;
    private final int bytes;
    private final boolean none;
    // Looked up on first use: most accesses of a long trace never ask (integer values, no drops).
    private List<RegisterDef> registers;

    private Coverage(Space registerSpace, long registerOffset, int bytes, boolean none) {
        this.registerSpace = registerSpace;
        this.registerOffset = registerOffset;
        this.bytes = bytes;
        this.none = none;
    }

    public static Coverage of(Space space, long offset, int bytes, DeviceProfile profile) {
        if (space.barIndex() >= 0) {
            if (profile.cxlBound() || space.barIndex() != profile.compBar()) {
                return new Coverage(space, offset, bytes, true);
            }
            long regOffset = offset - profile.compOffset();
            return new Coverage(Space.COMP, regOffset, bytes, regOffset < 0 || regOffset >= Integer.MAX_VALUE);
        }
        if (space == Space.HDM) {
            return new Coverage(space, offset, bytes, true);
        }
        return new Coverage(space, offset, bytes, offset < 0 || offset >= Integer.MAX_VALUE);
    }

    /** The space whose registers the access covers: its own, or comp through a plain device's BAR. */
    public Space registerSpace() {
        return registerSpace;
    }

    /** The access's offset in {@link #registerSpace()}. */
    public long registerOffset() {
        return registerOffset;
    }

    public int bytes() {
        return bytes;
    }

    /** The registers with bytes inside the access, in address order. */
    public List<RegisterDef> registers() {
        if (registers == null) {
            registers = none ? List.of() : RegisterCatalog.get().overlapping(registerSpace, registerOffset, bytes);
        }
        return registers;
    }

    /** Bit position of a register's bit 0 in the accessed value (negative if it starts before the access). */
    public int shiftOf(RegisterDef r) {
        return (int) (8 * (r.offset() - registerOffset));
    }

    /** Every field wholly inside the access, in address order. */
    public List<CoveredField> fields(DeviceProfile profile) {
        List<CoveredField> out = new ArrayList<>();
        for (RegisterDef r : registers()) {
            for (FieldDef f : r.fields(profile)) {
                int shift = shiftOf(r) + f.lo();
                if (shift >= 0 && shift + f.width() <= 8 * bytes) {
                    out.add(new CoveredField(r, f, shift));
                }
            }
        }
        return out;
    }

    /** Whether any bit of the field lies inside the access. */
    public boolean overlaps(RegisterDef r, FieldDef f) {
        int shift = shiftOf(r) + f.lo();
        return shift < 8 * bytes && shift + f.width() > 0;
    }

    /** Whether the field lies wholly inside the access. */
    public boolean wholly(RegisterDef r, FieldDef f) {
        int shift = shiftOf(r) + f.lo();
        return shift >= 0 && shift + f.width() <= 8 * bytes;
    }
}
