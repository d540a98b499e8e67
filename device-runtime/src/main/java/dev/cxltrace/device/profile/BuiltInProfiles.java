package dev.cxltrace.device.profile;

import java.util.List;
import java.util.Optional;

/** The profiles a trace can name without a file. */
public final class BuiltInProfiles {
    private BuiltInProfiles() {
    }

    /** The profile a trace without a {@code device} line runs against. */
    public static final String DEFAULT = "type2";

    public static List<String> names() {
        return List.of(DEFAULT);
    }

    public static Optional<DeviceProfile> byName(String name) {
        return DEFAULT.equalsIgnoreCase(name) ? Optional.of(DeviceProfile.type2()) : Optional.empty();
    }

    /** What a built-in profile is, for hovers and completions. */
    public static String describe(String name) {
        return "firmware-committed CXL Type-2 device: one HDM decoder, no interleave, 256M of HDM at 0x40_0000_0000, "
                + "the component block at offset 0 of a 1M BAR 0";
    }
}
