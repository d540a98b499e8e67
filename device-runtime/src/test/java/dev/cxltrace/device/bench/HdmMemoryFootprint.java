package dev.cxltrace.device.bench;

import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.state.SparseMemory;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.VfioDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sparse HDM memory's footprint: a device with a 1T HDM region, 1 GiB written through the
 * {@code hdm} space in 64-bit writes that fill 262,144 distinct 4K pages spread 4M apart over the
 * whole region; then the process's resident set from /proc/self/status. Fails (exit status 1)
 * when the peak (VmHWM) reaches 1.5 GiB: 1 GiB of data plus the radix tree and the JVM must stay
 * below it. Run by {@code ./mvnw -B -pl device-runtime -Pbench verify} with {@code -Xmx2g}
 * (docs/PERFORMANCE.md).
 */
public final class HdmMemoryFootprint {
    private static final long GIB = 1L << 30;
    private static final int PAGES = 262_144;
    private static final long LIMIT = 3 * GIB / 2;

    private HdmMemoryFootprint() {
    }

    public static void main(String[] args) throws IOException {
        ProfileBuilder builder = ProfileBuilder.from(DeviceProfile.type2()).named("hdm-1t");
        builder.set("hdm_size", "1T").ifPresent(HdmMemoryFootprint::fail);
        ProfileBuilder.Result built = builder.build();
        if (!built.ok()) {
            fail(String.join("; ", built.errors()));
        }
        VfioDevice device = VfioDevice.create(built.profile()).device();
        long size = built.profile().hdmSize();
        long stride = size / PAGES;                 // 4M: every page is in a different leaf of the tree
        Provenance line = Provenance.line(1);

        long started = System.nanoTime();
        for (int p = 0; p < PAGES; p++) {
            long base = p * stride;
            for (int o = 0; o < SparseMemory.PAGE_SIZE; o += 8) {
                AccessResult r = device.write(Space.HDM, base + o, 8, base + o, line);
                if (!r.ok()) {
                    fail("write at 0x" + Long.toHexString(base + o) + " failed with " + r.errno());
                }
            }
        }
        long elapsed = System.nanoTime() - started;

        // Spot-check that what was written reads back, so the pages cannot have been elided.
        for (int p = 0; p < PAGES; p += 4099) {
            long at = p * stride + 8L * (p % 512);
            if (device.read(Space.HDM, at, 8).value() != at) {
                fail("HDM at 0x" + Long.toHexString(at) + " does not read back what was written");
            }
        }

        List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
        long rss = kib(status, "VmRSS:") * 1024;
        long hwm = kib(status, "VmHWM:") * 1024;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "HdmMemoryFootprint: hdm_size=1T, written %d MiB in %d pages of 4K (stride %d MiB), %.1f s%n",
                (long) PAGES * SparseMemory.PAGE_SIZE >> 20, PAGES, stride >> 20, elapsed / 1e9);
        System.out.printf(Locale.ROOT, "HdmMemoryFootprint: hdmPagesInUse=%d%n", device.hdmPagesInUse());
        System.out.printf(Locale.ROOT, "HdmMemoryFootprint: VmRSS=%d MiB VmHWM=%d MiB (limit %d MiB); heap used %d MiB of %d MiB committed, max %d MiB%n",
                rss >> 20, hwm >> 20, LIMIT >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20,
                rt.maxMemory() >> 20);
        if (device.hdmPagesInUse() != PAGES) {
            fail("expected " + PAGES + " pages in use, found " + device.hdmPagesInUse());
        }
        if (hwm >= LIMIT) {
            fail("VmHWM " + (hwm >> 20) + " MiB is at or above the limit of " + (LIMIT >> 20) + " MiB");
        }
        System.out.println("HdmMemoryFootprint: OK");
    }

    private static long kib(List<String> status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        fail("no " + key + " in /proc/self/status");
        return 0;
    }

    private static void fail(String message) {
        System.err.println("HdmMemoryFootprint: FAIL: " + message);
        System.exit(1);
    }
}
