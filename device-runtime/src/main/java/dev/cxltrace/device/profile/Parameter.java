package dev.cxltrace.device.profile;

import java.util.Locale;
import java.util.Optional;

/**
 * The device parameters of TRACE-LANGUAGE.md §1, with what each means and which values it takes
 * (REGISTERS.md §5.1). Creation errnos are not checked here: they are the device's answer.
 */
public enum Parameter {
    HDM_SIZE("size of the firmware-committed HDM range", "a size above 0, a multiple of 256M"),
    HPA_BASE("host physical base that firmware committed", "a multiple of 256M"),
    DECODERS("HDM decoders the device advertises", "1, 2, 4, 6, 8 or 10"),
    IW("interleave-ways encoding of the committed decoder", "0, 1, 2, 3, 4, 8, 9 or 10"),
    FIRMWARE_COMMITTED("firmware committed decoder 0 at boot", "true or false"),
    LOCK_ON_COMMIT("LOCK_ON_COMMIT as firmware left it", "true or false"),
    CONFIG_LOCK("DVSEC CONFIG_LOCK as firmware left it", "true or false"),
    COMP_BAR("BAR that holds the component register block", "0 to 5"),
    COMP_OFFSET("offset of the component block in that BAR", "a multiple of 64K"),
    BAR_SIZE("size of the component BAR", "a power of two from 4K to 2G"),
    MEM_CAPABLE("MEM_CAPABLE in the DVSEC capability register", "true or false"),
    CXL("on, or off for the vfio-pci opt-out (a plain PCI device)", "on or off"),
    HPA_BUSY("another owner already holds the HPA range", "true or false");

    private final String meaning;
    private final String accepted;

    Parameter(String meaning, String accepted) {
        this.meaning = meaning;
        this.accepted = accepted;
    }

    /** The name as a trace writes it: {@code hdm_size}. */
    public String canonicalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String meaning() {
        return meaning;
    }

    /** The accepted values, in words, for error messages. */
    public String accepted() {
        return accepted;
    }

    public boolean isBoolean() {
        return accepted.equals("true or false");
    }

    public boolean isNumeric() {
        return !isBoolean() && this != CXL;
    }

    public static Optional<Parameter> byName(String name) {
        for (Parameter p : values()) {
            if (p.canonicalName().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The value a profile holds, spelled as a trace would write it. */
    public String valueIn(DeviceProfile p) {
        return switch (this) {
            case HDM_SIZE -> NumberSyntax.formatSize(p.hdmSize());
            case HPA_BASE -> "0x" + Long.toHexString(p.hpaBase());
            case DECODERS -> Integer.toString(p.decoders());
            case IW -> Integer.toString(p.iw());
            case FIRMWARE_COMMITTED -> Boolean.toString(p.firmwareCommitted());
            case LOCK_ON_COMMIT -> Boolean.toString(p.lockOnCommit());
            case CONFIG_LOCK -> Boolean.toString(p.configLock());
            case COMP_BAR -> Integer.toString(p.compBar());
            case COMP_OFFSET -> "0x" + Long.toHexString(p.compOffset());
            case BAR_SIZE -> NumberSyntax.formatSize(p.barSize());
            case MEM_CAPABLE -> Boolean.toString(p.memCapable());
            case CXL -> p.cxl().name().toLowerCase(Locale.ROOT);
            case HPA_BUSY -> Boolean.toString(p.hpaBusy());
        };
    }
}
