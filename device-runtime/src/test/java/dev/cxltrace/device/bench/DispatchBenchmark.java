package dev.cxltrace.device.bench;

import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.NumberSyntax;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.VfioDevice;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Register dispatch as the trace executor drives it: {@link VfioDevice#read} and
 * {@link VfioDevice#write} on the default profile, one thread, over a pre-generated stream that
 * mixes config space (PCI header, PCIe capability, DVSEC header and body, the lock), COMP_REGS
 * (the CM array, the decoder's base, size and control) and HDM memory, reads and writes, with a
 * few accesses that fail with an errno. Every result is taken apart as a checker would: errno,
 * read value, and for a write each outcome's masks and each drop's reason, all into the
 * {@link Blackhole}. The score is accesses per second (docs/PERFORMANCE.md).
 *
 * <p>The device is not reset between invocations: after the first pass CONFIG_LOCK is set and the
 * decoder cycles through commit and uncommit, so the measured state is the one a long trace
 * reaches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {
    /** Accesses per invocation; a power of two so the stream wraps with a mask. */
    static final int STREAM = 4096;
    private static final Provenance LINE = Provenance.line(1);

    /**
     * How far HDM offsets spread from 0: {@code 1M} (256 pages, the few pages a trace touches)
     * by default; {@code -p hdmSpan=64M} spreads them over 16,384 pages, mostly cache misses.
     */
    @Param({"1M"})
    public String hdmSpan;

    private long hdmSpanBytes;
    private VfioDevice device;
    private Space[] spaces;
    private long[] offsets;
    private int[] widths;
    private long[] values;
    private boolean[] writes;

    @Setup
    public void setUp() {
        device = VfioDevice.create(DeviceProfile.type2()).device();
        hdmSpanBytes = NumberSyntax.parseSize(hdmSpan).orElseThrow();
        spaces = new Space[STREAM];
        offsets = new long[STREAM];
        widths = new int[STREAM];
        values = new long[STREAM];
        writes = new boolean[STREAM];
        SplittableRandom random = new SplittableRandom(0xC0FFEE);
        for (int i = 0; i < STREAM; i++) {
            generate(random, i);
        }
    }

    // Where traces read: every kind of register, RO ones included.
    private static final int[] CFG_READ = {0x00, 0x04, 0x06, 0x08, 0x0c, 0x10, 0x14, 0x2c, 0x3c, 0x40, 0x44, 0x48, 0x4a,
        0x50, 0x68, 0x100, 0x104, 0x108, 0x10a, 0x10c, 0x10e, 0x110, 0x112, 0x114, 0x116, 0x118, 0x11c, 0x124, 0x138,
        0x140, 0x14c};
    private static final int[] COMP_READ = {0x1000, 0x1004, 0x1010, 0x1014, 0x1020, 0x1024, 0x1028, 0x102c, 0x1030,
        0x1034, 0x1038, 0x0, 0x2000};
    // Where traces write: mostly registers software owns (command, BAR, interrupt line, PCIe
    // control, DVSEC control/status/lock, decoder), some RO registers by mistake.
    private static final int[] CFG_WRITE = {0x04, 0x0c, 0x10, 0x14, 0x3c, 0x48, 0x50, 0x68, 0x10c, 0x10e, 0x110, 0x112,
        0x114, 0x10c, 0x110};
    private static final int[] CFG_WRITE_RO = {0x00, 0x08, 0x100, 0x108, 0x10a, 0x116, 0x118, 0x124, 0x138, 0x140};
    private static final int[] COMP_WRITE = {0x1014, 0x1020, 0x1024, 0x1028, 0x102c, 0x1030, 0x1030, 0x1034, 0x1038, 0x103c};
    private static final int[] COMP_WRITE_RO = {0x1000, 0x1004, 0x1010, 0x0};

    /**
     * One access of the mix: 40% HDM memory, 35% config space, 25% COMP_REGS; half of them
     * writes, four in five of those to registers software may write; 2% fail with an errno.
     */
    private void generate(SplittableRandom random, int i) {
        boolean write = random.nextInt(2) == 0;
        boolean toReadOnly = random.nextInt(5) == 0;
        int kind = random.nextInt(100);
        // Values as traces write them: 0, all ones (BAR sizing, clearing status), a small field
        // value or single bit, and arbitrary data.
        int v = random.nextInt(100);
        long value = v < 25 ? 0 : v < 40 ? -1L : v < 70 ? (random.nextInt(2) == 0 ? 1L << random.nextInt(32) : random.nextInt(0x100))
                : random.nextLong();
        Space space;
        long offset;
        int width;
        if (kind < 40) {
            space = Space.HDM;
            width = 1 << random.nextInt(4);
            offset = random.nextLong(hdmSpanBytes / 8) * 8 + (random.nextInt(8) == 0 ? random.nextInt(8) : 0);
        } else if (kind < 75) {
            space = Space.CFG;
            int[] table = !write ? CFG_READ : toReadOnly ? CFG_WRITE_RO : CFG_WRITE;
            offset = table[random.nextInt(table.length)];
            width = random.nextInt(3) == 0 ? 4 : random.nextInt(2) == 0 ? 2 : 1;
            if (offset % width != 0) {
                width = 2;
            }
            if (write && offset == 0x114 && random.nextInt(4) != 0) {
                value = 0;   // CONFIG_LOCK still latches, but most lock writes leave it alone
            }
        } else {
            space = Space.COMP;
            int[] table = !write ? COMP_READ : toReadOnly ? COMP_WRITE_RO : COMP_WRITE;
            offset = table[random.nextInt(table.length)];
            width = random.nextInt(4) == 0 ? 8 : 4;
            if (offset == 0x1030 && write) {
                value = random.nextInt(2) == 0 ? 0x200 : 0x000;   // commit / uncommit
            }
        }
        if (random.nextInt(50) == 0) {
            // a mistake the device answers with an errno: a byte access to COMP_REGS, past the end of cfg
            if (random.nextInt(2) == 0) {
                space = Space.COMP;
                offset = 0x1001;
                width = 1;
            } else {
                space = Space.CFG;
                offset = 0xffe;
                width = 4;
            }
        }
        spaces[i] = space;
        offsets[i] = offset;
        widths[i] = width;
        values[i] = value;
        writes[i] = write;
    }

    @Benchmark
    @OperationsPerInvocation(STREAM)
    public void dispatch(Blackhole bh) {
        VfioDevice d = device;
        for (int i = 0; i < STREAM; i++) {
            AccessResult r = writes[i]
                    ? d.write(spaces[i], offsets[i], widths[i], values[i], LINE)
                    : d.read(spaces[i], offsets[i], widths[i]);
            consume(r, bh);
        }
    }

    /** What the executor and the checker take from a result. */
    private static void consume(AccessResult r, Blackhole bh) {
        bh.consume(r.errno());
        bh.consume(r.value());
        List<WriteOutcome> outcomes = r.outcomes();
        for (int j = 0, n = outcomes.size(); j < n; j++) {
            WriteOutcome o = outcomes.get(j);
            bh.consume(o.changedMask());
            bh.consume(o.droppedMask());
            bh.consume(o.specDivergence());
            List<Drop> drops = o.drops();
            for (int k = 0, m = drops.size(); k < m; k++) {
                Drop drop = drops.get(k);
                bh.consume(drop.reason());
                bh.consume(drop.mask());
            }
        }
    }
}
