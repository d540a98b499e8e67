package dev.cxltrace.device.catalog;

import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every register of the device, declared once (REGISTERS.md §3, §4). The catalog checks itself
 * when it is built: a field that does not fit or overlaps another, or two registers that share a
 * path or bytes, fail here rather than in a trace.
 */
public final class RegisterCatalog {
    /** Size of configuration space. */
    public static final int CFG_SIZE = 0x1000;
    /** Size of the component register block. */
    public static final int COMP_SIZE = 0x1_0000;

    private static final RegisterCatalog INSTANCE = new RegisterCatalog();

    private final List<RegisterDef> registers;
    private final Map<String, RegisterDef> byPath = new HashMap<>();
    private final RegisterDef[] cfgByByte = new RegisterDef[CFG_SIZE];
    private final RegisterDef[] compByDword = new RegisterDef[COMP_SIZE / 4];

    private RegisterCatalog() {
        List<RegisterDef> all = new ArrayList<>();
        all.addAll(PciHeaderRegisters.all());
        all.addAll(PcieCapabilityRegisters.all());
        all.addAll(DvsecRegisters.all());
        all.addAll(RegisterLocatorRegisters.all());
        all.addAll(CacheMemRegisters.all());
        all.addAll(HdmDecoderRegisters.all());
        registers = Collections.unmodifiableList(all);
        for (int i = 0; i < all.size(); i++) {
            RegisterDef r = all.get(i);
            r.assignId(i);
            index(r);
        }
        for (RegisterDef r : all) {
            check(r, DeviceProfile.type2());
        }
    }

    public static RegisterCatalog get() {
        return INSTANCE;
    }

    /** All registers, in address order per space; {@link RegisterDef#id()} indexes this list. */
    public List<RegisterDef> registers() {
        return registers;
    }

    public int size() {
        return registers.size();
    }

    /** Lookup by canonical path, case-insensitive. */
    public Optional<RegisterDef> byPath(String path) {
        RegisterDef exact = byPath.get(path);
        return Optional.ofNullable(exact != null ? exact : byPath.get(path.toLowerCase(Locale.ROOT)));
    }

    /** The register that holds byte {@code offset} of a register space, if any. */
    public Optional<RegisterDef> at(Space space, long offset) {
        return Optional.ofNullable(containing(space, offset));
    }

    /** Like {@link #at} but returns null: for the device's access path, which runs per access. */
    public RegisterDef containing(Space space, long offset) {
        if (space == Space.CFG) {
            return offset >= 0 && offset < CFG_SIZE ? cfgByByte[(int) offset] : null;
        }
        if (space == Space.COMP) {
            return offset >= 0 && offset < COMP_SIZE ? compByDword[(int) (offset >>> 2)] : null;
        }
        return null;
    }

    /** The registers that have bytes in {@code [offset, offset + bytes)}, in address order. */
    public List<RegisterDef> overlapping(Space space, long offset, int bytes) {
        List<RegisterDef> out = new ArrayList<>(2);
        for (long o = offset; o < offset + bytes; o++) {
            RegisterDef r = containing(space, o);
            if (r != null && (out.isEmpty() || out.get(out.size() - 1) != r)) {
                out.add(r);
            }
        }
        return out;
    }

    private void index(RegisterDef r) {
        if (byPath.put(r.path(), r) != null) {
            throw new IllegalStateException("register path " + r.path() + " declared twice");
        }
        if (!r.path().equals(r.path().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("register path " + r.path() + " is not in canonical lower case");
        }
        if (r.width() % 8 != 0 || r.width() < 8 || r.width() > 64) {
            throw new IllegalStateException("register " + r.path() + " has width " + r.width() + ", not whole bytes up to 64 bits");
        }
        switch (r.space()) {
            case CFG -> {
                for (int b = r.offset(); b < r.end(); b++) {
                    if (b >= CFG_SIZE || cfgByByte[b] != null) {
                        throw new IllegalStateException("register " + r.path() + " overlaps "
                                + (b >= CFG_SIZE ? "the end of cfg" : cfgByByte[b].path()) + " at 0x" + Integer.toHexString(b));
                    }
                    cfgByByte[b] = r;
                }
            }
            case COMP -> {
                if (r.width() != 32 || r.offset() % 4 != 0) {
                    throw new IllegalStateException("register " + r.path() + " in comp is not an aligned dword");
                }
                int d = r.offset() / 4;
                if (compByDword[d] != null) {
                    throw new IllegalStateException("register " + r.path() + " overlaps " + compByDword[d].path());
                }
                compByDword[d] = r;
            }
            default -> throw new IllegalStateException("register " + r.path() + " is in " + r.space() + ", which has no registers");
        }
    }

    /** The self-check of one register's fields, for a profile (the BAR layout depends on it). */
    static void check(RegisterDef r, DeviceProfile profile) {
        long seen = 0;
        for (FieldDef f : r.fields(profile)) {
            if (f.lo() < 0 || f.hi() < f.lo() || f.hi() >= r.width()) {
                throw new IllegalStateException("field " + f.name() + " [" + f.bits() + "] does not fit in " + r.path()
                        + " (" + r.width() + " bits)");
            }
            if ((seen & f.mask()) != 0) {
                FieldDef other = r.fields(profile).stream().filter(g -> g != f && (g.mask() & f.mask()) != 0).findFirst().orElseThrow();
                throw new IllegalStateException("field " + f.name() + " [" + f.bits() + "] overlaps " + other.name() + " in " + r.path());
            }
            seen |= f.mask();
            if (!f.name().equals(f.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("field " + f.name() + " of " + r.path() + " is not in canonical upper case");
            }
            long value = f.resetValue(profile);
            if (!f.fits(value)) {
                throw new IllegalStateException("reset value 0x" + Long.toHexString(value) + " of " + r.path() + "." + f.name()
                        + " does not fit in " + f.width() + " bits");
            }
        }
    }

    /** Checks the profile-dependent layouts for a profile; the device calls it at creation. */
    public void check(DeviceProfile profile) {
        for (RegisterDef r : registers) {
            if (r.profileDependentLayout()) {
                check(r, profile);
            }
        }
    }
}
