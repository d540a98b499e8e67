package dev.cxltrace.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes large realistic traces for benchmarks: what a VMM does to a CXL Type-2 device at guest
 * boot and at run time, repeated — DVSEC reads through the config shim, the component registers
 * with expected values, decoder commit cycles, HDM memory traffic, expects, sections and
 * comments. Every generated trace checks without errors.
 *
 * <p>{@code java -cp … dev.cxltrace.bench.TraceGenerator LINES FILE [SEED]}
 */
public final class TraceGenerator {
    private TraceGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long lines = Long.parseLong(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(lines, seed, w);
        }
    }

    /** Writes exactly {@code lines} lines. */
    public static void write(long lines, long seed, Writer w) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        long n = 0;
        w.write("## generated trace: guest boot and run-time register traffic\n");
        w.write("device type2 hdm_size=1G\n");
        n += 2;
        long hdmOffset = 0;
        while (n < lines) {
            String[] block = block(rnd, hdmOffset);
            // A driver's buffers: HDM traffic cycles through 64 pages (the rest of HDM is mmapped and
            // leaves no trace).
            hdmOffset = (hdmOffset + 0x1040) % (64 * 4096);
            for (String line : block) {
                if (n >= lines) {
                    break;
                }
                w.write(line);
                w.write('\n');
                n++;
            }
        }
    }

    private static String[] block(SplittableRandom rnd, long hdm) {
        String data = String.format(Locale.ROOT, "0x%016x", rnd.nextLong());
        return switch (rnd.nextInt(6)) {
            case 0 -> new String[] {
                "### DVSEC probe",
                "r32 cfg 0x100 = 0x14010023",
                "r32 cfg 0x104 = 0x03c31e98",
                "r32 cfg 0x108 = 0xc05f0000",
                "r16 cfg dvsec.control = {MEM_ENABLE=1, ..}",
                "r8 cfg 0x114 = 0",
                "expect dvsec.lock.CONFIG_LOCK == 0",
            };
            case 1 -> new String[] {
                "### component registers",
                "r32 comp cm.cap_hdr = {CAP_ID=1, ARRAY_SIZE=1}",
                "r32 comp cm.hdm_cap_hdr = {CAP_ID=5, CAP_PTR=0x10}",
                "r32 comp hdm.decoder0.ctrl = {COMMIT=1, COMMITTED=1}",
                "r64 comp hdm.decoder0.base_lo = 0x40_0000_0000",
                "r16 comp 0x1000 ! EINVAL",
                "expect host.hdm.decoder0.ctrl == 0x600",
            };
            case 2 -> new String[] {
                "### decoder commit cycle",
                "w32 comp hdm.decoder0.ctrl 0x400",
                "r32 comp hdm.decoder0.ctrl = {COMMIT=0, COMMITTED=0, LOCK_ON_COMMIT=0}",
                "w32 comp hdm.decoder0.ctrl 0x200",
                "r32 comp hdm.decoder0.ctrl = 0x600   # committed again",
                "expect hdm.decoder0.ctrl.COMMITTED == 1",
            };
            case 3 -> new String[] {
                String.format(Locale.ROOT, "w64 hdm 0x%x %s", hdm, data),
                String.format(Locale.ROOT, "r64 hdm 0x%x = %s", hdm, data),
                String.format(Locale.ROOT, "w32 hdm 0x%x 0xdeadbeef", hdm + 8),
                String.format(Locale.ROOT, "r32 hdm 0x%x = 0xdeadbeef", hdm + 8),
                String.format(Locale.ROOT, "r8 hdm 0x%x = 0xef", hdm + 8),
            };
            case 4 -> new String[] {
                "# run-time status polling",
                "r16 cfg dvsec.status = 0",
                "r16 cfg dvsec.status2 = {PM_INIT_COMPLETE=1}",
                "w16 cfg dvsec.status 0",
                "r32 cfg pci.class_rev = {BASE_CLASS=0x12}",
                "r16 cfg pci.command = {MEM=1}",
            };
            default -> new String[] {
                "expect info.flags.cxl == 1",
                "expect region.bar0.sparse.count == 1",
                "r32 bar0 0x1000 ! EINVAL",
                String.format(Locale.ROOT, "w32 bar0 0x%x 0x1234", 0x10000 + 4 * rnd.nextInt(0x3C000)),
                "",
            };
        };
    }
}
