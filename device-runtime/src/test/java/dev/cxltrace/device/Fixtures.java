package dev.cxltrace.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.Creation;
import dev.cxltrace.device.vfio.VfioDevice;
import java.util.List;

/** What the device tests build devices and read results with. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A device that must be created; the test fails on an errno. */
    public static VfioDevice create(DeviceProfile profile) {
        Creation c = VfioDevice.create(profile);
        assertThat(c.errno()).as("create errno").isNull();
        return c.device();
    }

    /** The {@code type2} profile with parameters set as a trace spells them: {@code "cxl", "off", ...}. */
    public static DeviceProfile profile(String... nameValuePairs) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            assertThat(b.set(nameValuePairs[i], nameValuePairs[i + 1])).as("set %s", nameValuePairs[i]).isEmpty();
        }
        ProfileBuilder.Result r = b.build();
        assertThat(r.errors()).isEmpty();
        return r.profile();
    }

    public static RegisterDef reg(String path) {
        return RegisterCatalog.get().byPath(path).orElseThrow();
    }

    public static long mask(RegisterDef r, String field) {
        return r.field(field).orElseThrow().mask();
    }

    /** The outcome a write reported for one register. */
    public static WriteOutcome outcomeOf(AccessResult r, RegisterDef register) {
        return r.outcomes().stream().filter(o -> o.register() == register).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + register + " in " + r.outcomes()));
    }

    /** Every drop of every outcome of a write, in order. */
    public static List<Drop> drops(AccessResult r) {
        return r.outcomes().stream().flatMap(o -> o.drops().stream()).toList();
    }
}
