package dev.cxltrace.device;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.vfio.Creation;
import dev.cxltrace.device.vfio.VfioDevice;
import java.io.PrintStream;
import java.util.Locale;

/** Creates the default device and prints its register map: every register, shadow and host value. */
public final class RegisterMap {
    private RegisterMap() {
    }

    public static void main(String[] args) {
        print(VfioDevice.create(DeviceProfile.type2()), System.out);
    }

    static void print(Creation creation, PrintStream out) {
        VfioDevice device = creation.device();
        out.printf(Locale.ROOT, "device %s: %s%n", device.profile().name(),
                device.cxlBound() ? "CXL-bound" : "plain vfio-pci");
        out.printf(Locale.ROOT, "%-28s %-5s %-8s %-5s %-18s %-18s%n", "register", "space", "offset", "width", "value", "host");
        for (RegisterDef r : RegisterCatalog.get().registers()) {
            int digits = r.bytes() * 2;
            out.printf(Locale.ROOT, "%-28s %-5s 0x%04x   %-5d 0x%-16s 0x%-16s%n", r.path(), r.space(), r.offset(), r.width(),
                    hex(device.value(r), digits), hex(device.hostValue(r), digits));
        }
    }

    private static String hex(long v, int digits) {
        String s = Long.toHexString(v);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
