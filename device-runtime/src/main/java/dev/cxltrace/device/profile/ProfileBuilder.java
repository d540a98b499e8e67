package dev.cxltrace.device.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Builds a {@link DeviceProfile} from a base profile and parameter overrides, checking each value
 * against REGISTERS.md §5.1. A refused value yields a message that names the parameter and the
 * values it accepts; nothing throws on user input.
 */
public final class ProfileBuilder {
    private static final long M256 = 256L << 20;

    private String name;
    private long hdmSize;
    private long hpaBase;
    private int decoders;
    private int iw;
    private boolean firmwareCommitted;
    private boolean lockOnCommit;
    private boolean configLock;
    private int compBar;
    private long compOffset;
    private long barSize;
    private boolean memCapable;
    private CxlMode cxl;
    private boolean hpaBusy;

    private ProfileBuilder(DeviceProfile p) {
        name = p.name();
        hdmSize = p.hdmSize();
        hpaBase = p.hpaBase();
        decoders = p.decoders();
        iw = p.iw();
        firmwareCommitted = p.firmwareCommitted();
        lockOnCommit = p.lockOnCommit();
        configLock = p.configLock();
        compBar = p.compBar();
        compOffset = p.compOffset();
        barSize = p.barSize();
        memCapable = p.memCapable();
        cxl = p.cxl();
        hpaBusy = p.hpaBusy();
    }

    public static ProfileBuilder from(DeviceProfile base) {
        return new ProfileBuilder(base);
    }

    public ProfileBuilder named(String profileName) {
        this.name = profileName;
        return this;
    }

    /** Sets a parameter from its trace spelling; returns the error message if it is refused. */
    public Optional<String> set(String parameterName, String text) {
        Optional<Parameter> p = Parameter.byName(parameterName);
        if (p.isEmpty()) {
            return Optional.of("unknown device parameter " + parameterName + "; known: " + knownNames());
        }
        return set(p.get(), text);
    }

    public Optional<String> set(Parameter p, String text) {
        if (p.isBoolean()) {
            String t = text.toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                return refuse(p, text);
            }
            setBoolean(p, t.equals("true"));
            return Optional.empty();
        }
        if (p == Parameter.CXL) {
            String t = text.toLowerCase(Locale.ROOT);
            if (!t.equals("on") && !t.equals("off")) {
                return refuse(p, text);
            }
            cxl = t.equals("on") ? CxlMode.ON : CxlMode.OFF;
            return Optional.empty();
        }
        OptionalLong v = NumberSyntax.parseSize(text);
        if (v.isEmpty()) {
            return Optional.of(p.canonicalName() + "=" + text + " is not a number; write " + p.accepted()
                    + " (decimal, 0x…, 0b…, or a size such as 256M)");
        }
        return setNumber(p, v.getAsLong(), text);
    }

    /** Sets a boolean parameter; returns the error message for a parameter that is not boolean. */
    public Optional<String> setBoolean(Parameter p, boolean value) {
        switch (p) {
            case FIRMWARE_COMMITTED -> firmwareCommitted = value;
            case LOCK_ON_COMMIT -> lockOnCommit = value;
            case CONFIG_LOCK -> configLock = value;
            case MEM_CAPABLE -> memCapable = value;
            case HPA_BUSY -> hpaBusy = value;
            default -> {
                return refuse(p, Boolean.toString(value));
            }
        }
        return Optional.empty();
    }

    /** Sets a numeric parameter; {@code spelling} is how the user wrote it, for the message. */
    public Optional<String> setNumber(Parameter p, long v, String spelling) {
        boolean ok = switch (p) {
            case HDM_SIZE -> v != 0 && Long.remainderUnsigned(v, M256) == 0;
            case HPA_BASE -> Long.remainderUnsigned(v, M256) == 0;
            case DECODERS -> v == 1 || v == 2 || v == 4 || v == 6 || v == 8 || v == 10;
            case IW -> (v >= 0 && v <= 4) || v == 8 || v == 9 || v == 10;
            case COMP_BAR -> v >= 0 && v <= 5;
            case COMP_OFFSET -> Long.remainderUnsigned(v, 64 << 10) == 0;
            case BAR_SIZE -> Long.bitCount(v) == 1 && v >= 4096 && v <= (2L << 30);
            default -> false;
        };
        if (!ok) {
            return refuse(p, spelling);
        }
        switch (p) {
            case HDM_SIZE -> hdmSize = v;
            case HPA_BASE -> hpaBase = v;
            case DECODERS -> decoders = (int) v;
            case IW -> iw = (int) v;
            case COMP_BAR -> compBar = (int) v;
            case COMP_OFFSET -> compOffset = v;
            case BAR_SIZE -> barSize = v;
            default -> throw new IllegalStateException("parameter " + p + " is numeric but has no field");
        }
        return Optional.empty();
    }

    /** The profile, or the messages of the rules that span parameters. */
    public Result build() {
        DeviceProfile p = new DeviceProfile(name, hdmSize, hpaBase, decoders, iw, firmwareCommitted, lockOnCommit,
                configLock, compBar, compOffset, barSize, memCapable, cxl, hpaBusy);
        List<String> errors = new ArrayList<>();
        if (!p.cxlBound() && decoders != 1) {
            errors.add("decoders=" + decoders + " on a plain device (" + (cxl == CxlMode.OFF ? "cxl=off" : "mem_capable=false")
                    + "): the model has one decoder; write decoders=1");
        }
        return new Result(errors.isEmpty() ? p : null, List.copyOf(errors));
    }

    /** A built profile, or why there is none. */
    public record Result(DeviceProfile profile, List<String> errors) {
        public boolean ok() {
            return profile != null;
        }
    }

    private static Optional<String> refuse(Parameter p, String text) {
        return Optional.of(p.canonicalName() + "=" + text + " is not accepted; " + p.canonicalName() + " takes " + p.accepted());
    }

    private static String knownNames() {
        return Arrays.stream(Parameter.values()).map(Parameter::canonicalName).collect(Collectors.joining(", "));
    }
}
