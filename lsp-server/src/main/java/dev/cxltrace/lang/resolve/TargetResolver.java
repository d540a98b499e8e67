package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves the text of an {@code expect} target to a {@link Target}, or says what is wrong with it. */
public final class TargetResolver {
    private TargetResolver() {
    }

    private static final Pattern REGION = Pattern.compile(
            "region\\.(cfg|comp|hdm|bar[0-5])\\.(size|offset|flags\\.read|flags\\.write|flags\\.mmap|sparse\\.count"
                    + "|sparse\\[(\\d+)\\]\\.(offset|size))");

    /** A target, or the message of an unknown name. */
    public record Result(Target target, String error) {
        public boolean ok() {
            return target != null;
        }
    }

    public static Result resolve(String text, DeviceProfile profile) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("create")) {
            return new Result(new Target.Create(), null);
        }
        if (t.startsWith("info.")) {
            for (Target.InfoItem item : Target.InfoItem.values()) {
                if (item.path().equals(t)) {
                    return new Result(new Target.Info(item), null);
                }
            }
            List<String> known = new ArrayList<>();
            for (Target.InfoItem item : Target.InfoItem.values()) {
                known.add(item.path());
            }
            return new Result(null, "unknown device-info target " + text + Names.didYouMean(text, known)
                    + " (known: " + String.join(", ", known) + ")");
        }
        if (t.startsWith("region.")) {
            Matcher m = REGION.matcher(t);
            if (!m.matches()) {
                return new Result(null, "unknown region target " + text + "; write region.NAME.PROPERTY with NAME cfg, comp, hdm "
                        + "or bar0…bar5 and PROPERTY size, offset, flags.read, flags.write, flags.mmap, sparse.count, "
                        + "sparse[I].offset or sparse[I].size");
            }
            Space space = Space.byName(m.group(1)).orElseThrow();
            if (m.group(3) != null) {
                int index;
                try {
                    index = Integer.parseInt(m.group(3));
                } catch (NumberFormatException e) {
                    return new Result(null, "sparse area index " + m.group(3) + " is too large");
                }
                Target.RegionProperty p = m.group(4).equals("offset") ? Target.RegionProperty.SPARSE_OFFSET
                        : Target.RegionProperty.SPARSE_SIZE;
                return new Result(new Target.Region(space, p, index), null);
            }
            Target.RegionProperty p = switch (m.group(2)) {
                case "size" -> Target.RegionProperty.SIZE;
                case "offset" -> Target.RegionProperty.OFFSET;
                case "flags.read" -> Target.RegionProperty.FLAGS_READ;
                case "flags.write" -> Target.RegionProperty.FLAGS_WRITE;
                case "flags.mmap" -> Target.RegionProperty.FLAGS_MMAP;
                default -> Target.RegionProperty.SPARSE_COUNT;
            };
            return new Result(new Target.Region(space, p, 0), null);
        }
        boolean host = t.startsWith("host.");
        String path = host ? text.substring(5) : text;
        return register(path, host, profile);
    }

    private static Result register(String path, boolean host, DeviceProfile profile) {
        RegisterCatalog catalog = RegisterCatalog.get();
        RegisterDef whole = catalog.byPath(path).orElse(null);
        if (whole != null) {
            return new Result(new Target.Register(whole, null, host), null);
        }
        int dot = path.lastIndexOf('.');
        if (dot > 0) {
            RegisterDef r = catalog.byPath(path.substring(0, dot)).orElse(null);
            if (r != null) {
                String fieldName = path.substring(dot + 1);
                FieldDef f = r.field(fieldName, profile).orElse(null);
                if (f != null) {
                    return new Result(new Target.Register(r, f, host), null);
                }
                return new Result(null, "register " + r.path() + " has no field " + fieldName
                        + Names.didYouMean(fieldName, fieldNames(r, profile)) + " (fields: " + String.join(", ", fieldNames(r, profile)) + ")");
            }
        }
        String prefix = host ? "host." : "";
        String closest = Names.closest(path, allNames());
        return new Result(null, "unknown target " + prefix + path
                + " (a target is a register or field, host.…, info.…, region.… or create)"
                + (closest == null ? "" : "; did you mean " + prefix + closest + "?"));
    }

    static List<String> fieldNames(RegisterDef r, DeviceProfile profile) {
        List<String> names = new ArrayList<>();
        for (FieldDef f : r.fields(profile)) {
            names.add(f.name());
        }
        return names;
    }

    static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (RegisterDef r : RegisterCatalog.get().registers()) {
            names.add(r.path());
        }
        return names;
    }
}
