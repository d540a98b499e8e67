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
public record Coverage(Space registerSpace, long registerOffset, int bytes, List<RegisterDef> registers) {

    public static Coverage of(Space space, long offset, int bytes, DeviceProfile profile) {
        Space regSpace = space;
        long regOffset = offset;
        if (space.barIndex() >= 0) {
            if (profile.cxlBound() || space.barIndex() != profile.compBar()) {
                return new Coverage(space, offset, bytes, List.of());
            }
            regSpace = Space.COMP;
            regOffset = offset - profile.compOffset();
        } else if (space == Space.HDM) {
            return new Coverage(space, offset, bytes, List.of());
        }
        if (regOffset < 0 || regOffset >= Integer.MAX_VALUE) {
            return new Coverage(regSpace, regOffset, bytes, List.of());
        }
        return new Coverage(regSpace, regOffset, bytes, RegisterCatalog.get().overlapping(regSpace, regOffset, bytes));
    }

    /** Bit position of a register's bit 0 in the accessed value (negative if it starts before the access). */
    public int shiftOf(RegisterDef r) {
        return (int) (8 * (r.offset() - registerOffset));
    }

    /** Every field wholly inside the access, in address order. */
    public List<CoveredField> fields(DeviceProfile profile) {
        List<CoveredField> out = new ArrayList<>();
        for (RegisterDef r : registers) {
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
