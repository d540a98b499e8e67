package dev.cxltrace.device.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.pick;

import dev.cxltrace.device.catalog.Behaviour;
import dev.cxltrace.device.catalog.CacheMemRegisters;
import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.DvsecRegisters;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteAlgebra;
import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.WithQuickTheories;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Invariants of the device over random access sequences (STYLE.md §5, REGISTERS.md §1.3, §2):
 * each property runs 10,000 sequences of 1 to 40 accesses on every space, width 1/2/4/8, with
 * offsets biased to the DVSEC, the decoder and the edges of each region, and values biased to 0
 * and all ones, on profiles that start locked, move the component block, or make a plain device.
 * QuickTheories shrinks a failing sequence and prints it with its seed; rerun it with
 * {@code ./mvnw -pl device-runtime test -Dtest=DevicePropertiesTest -DQT_SEED=<seed>}.
 *
 * <p>Which bits are read-only, write-once, write-1-to-clear or gated comes from the catalog through
 * the device's own view of each register ({@link VfioDevice#viewOf}, {@link VfioDevice#algebra}),
 * never from a second list here.
 */
class DevicePropertiesTest implements WithQuickTheories {
    private static final int EXAMPLES = 10_000;
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final List<RegisterDef> REGISTERS = CATALOG.registers();
    private static final List<Profile> PROFILES = List.of(
            profile("type2"),
            profile("config_lock=true", "config_lock", "true"),
            profile("lock_on_commit=true", "lock_on_commit", "true"),
            profile("comp_offset=0x40000", "comp_offset", "0x40000"),
            profile("cxl=off", "cxl", "off"),
            profile("cxl=off config_lock=true lock_on_commit=true", "cxl", "off", "config_lock", "true", "lock_on_commit", "true"),
            profile("mem_capable=false comp_offset=0x40000", "mem_capable", "false", "comp_offset", "0x40000"));

    // ------------------------------------------------------------------ properties

    @Test
    void hostCopyNeverChangesWhileBound() {
        check((s, step) -> {
            VfioDevice d = step.device;
            for (RegisterDef r : REGISTERS) {
                long expected = d.cxlBound() && r.copies() == Copies.HOST_AND_SHADOW ? s.profile.fresh.hostValue(r) : d.value(r);
                if (d.hostValue(r) != expected) {
                    assertThat(d.hostValue(r)).as("%s: host.%s (the register itself unless bound with a shadow)", step, r)
                            .isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void writeOnceBitsStayLatched() {
        check((s, step) -> {
            for (RegisterDef r : REGISTERS) {
                long rwo = s.profile.masks.rwo[r.id()];
                if ((step.before(r) & rwo & ~step.after(r)) != 0) {
                    assertThat(step.before(r) & rwo & ~step.after(r)).as("%s: latched RWO bits of %s cleared", step, r).isZero();
                }
            }
            long lock = DvsecRegisters.CONFIG_LOCK.mask();
            if ((step.before(DvsecRegisters.LOCK) & lock) != 0) {
                assertThat(step.after(DvsecRegisters.LOCK) & lock).as("%s: CONFIG_LOCK once 1 stays 1", step).isEqualTo(lock);
            }
        });
    }

    @Test
    void lockedFieldsKeepTheirValueWhileTheGateIsClosed() {
        check((s, step) -> {
            for (RegisterDef r : REGISTERS) {
                if (r.behaviour() == Behaviour.DECODER_CONTROL) {
                    continue;   // FSM-DEC uncommits a locked decoder (§5.2); FSM-H is checked below
                }
                for (Gate g : Gate.values()) {
                    long gated = s.profile.masks.gated[g.ordinal()][r.id()];
                    if (gated != 0 && step.closedBefore(g) && ((step.before(r) ^ step.after(r)) & gated) != 0) {
                        assertThat((step.before(r) ^ step.after(r)) & gated)
                                .as("%s: %s bits of %s changed while %s", step, Attribute.rwl(g).label(), r, g.condition()).isZero();
                    }
                }
            }
            boolean bound = step.device.cxlBound();
            long ctrl = step.before(HdmDecoderRegisters.CTRL);
            long committed = HdmDecoderRegisters.COMMITTED.mask();
            long lockOnCommit = HdmDecoderRegisters.LOCK_ON_COMMIT.mask();
            if (bound && (step.before(DvsecRegisters.LOCK) & DvsecRegisters.CONFIG_LOCK.mask()) != 0) {
                for (RegisterDef r : List.of(DvsecRegisters.CONTROL, DvsecRegisters.CONTROL2)) {
                    assertThat(step.after(r)).as("%s: %s changed under CONFIG_LOCK", step, r).isEqualTo(step.before(r));
                }
            }
            boolean decoderLocked = bound ? (ctrl & (committed | lockOnCommit)) != 0
                    : (ctrl & committed) != 0 && (ctrl & lockOnCommit) != 0;
            if (decoderLocked) {
                for (RegisterDef r : List.of(HdmDecoderRegisters.BASE_LO, HdmDecoderRegisters.BASE_HI,
                        HdmDecoderRegisters.SIZE_LO, HdmDecoderRegisters.SIZE_HI)) {
                    assertThat(step.after(r)).as("%s: %s changed on a locked decoder", step, r).isEqualTo(step.before(r));
                }
                if (!bound) {
                    assertThat(step.after(HdmDecoderRegisters.CTRL)).as("%s: FSM-H changed a locked decoder", step).isEqualTo(ctrl);
                }
            }
        });
    }

    @Test
    void boundDecoderStartsLocked() {
        for (Profile p : PROFILES) {
            if (p.fresh.cxlBound()) {
                assertThat(p.fresh.closed(Gate.DEC0_LOCKED)).as("%s: base and size start locked", p.name).isTrue();
            }
        }
    }

    @Test
    void writeOneToClearBitsOnlyClear() {
        check((s, step) -> {
            for (RegisterDef r : REGISTERS) {
                long rw1c = s.profile.masks.rw1c[r.id()];
                if ((step.after(r) & ~step.before(r) & rw1c) != 0) {
                    assertThat(step.after(r) & ~step.before(r) & rw1c).as("%s: RW1C bits of %s went from 0 to 1", step, r).isZero();
                }
            }
            for (RegisterDef r : List.of(DvsecRegisters.STATUS, DvsecRegisters.STATUS2)) {
                assertThat(step.after(r) & ~step.before(r)).as("%s: bits of %s went from 0 to 1", step, r).isZero();
            }
        });
    }

    @Test
    void readOnlyBitsNeverChange() {
        // Registers whose every bit is RO or HwInit in the device's view; and, in any register,
        // the bits whose attribute keeps the old value (RO, HwInit, RsvdP, RsvdZ, unmodelled).
        VfioDevice sample = PROFILES.get(0).fresh;
        assertThat(REGISTERS.stream().filter(r -> readOnly(sample, r)).toList())
                .as("the catalog has wholly read-only registers to check")
                .contains(DvsecRegisters.CAP, CacheMemRegisters.CAP_HDR, HdmDecoderRegisters.CAP);
        check((s, step) -> {
            for (RegisterDef r : REGISTERS) {
                if (r.behaviour() == Behaviour.DECODER_CONTROL) {
                    continue;   // COMMITTED and ERR_NOT_COMMITTED are RO to software but the FSM sets them
                }
                if (step.after(r) == step.before(r)) {
                    continue;
                }
                if (s.profile.masks.readOnly[r.id()]) {
                    assertThat(step.after(r)).as("%s: read-only %s changed", step, r).isEqualTo(step.before(r));
                }
                long keep = s.profile.masks.keep[r.id()];
                assertThat((step.before(r) ^ step.after(r)) & keep).as("%s: RO/HwInit/reserved bits of %s changed", step, r).isZero();
            }
        });
    }

    @Test
    void changedAndDroppedMasksAreDisjointAndInsideTheByteEnables() {
        check((s, step) -> {
            for (WriteOutcome o : step.result.outcomes()) {
                long dropMasks = 0;
                for (var drop : o.drops()) {
                    dropMasks |= drop.mask();
                }
                if ((o.changedMask() & o.droppedMask()) == 0 && ((o.changedMask() | o.droppedMask() | o.specDivergence())
                        & ~o.byteEnables()) == 0 && o.changedMask() == (o.before() ^ o.after()) && dropMasks == o.droppedMask()) {
                    continue;
                }
                String what = step + ": outcome for " + (o.register() == null ? "0x" + Long.toHexString(o.offset()) : o.register());
                assertThat(o.changedMask() & o.droppedMask()).as("%s: changed & dropped", what).isZero();
                assertThat(o.changedMask() & ~o.byteEnables()).as("%s: changed outside the byte enables", what).isZero();
                assertThat(o.droppedMask() & ~o.byteEnables()).as("%s: dropped outside the byte enables", what).isZero();
                assertThat(o.specDivergence() & ~o.byteEnables()).as("%s: I-SPEC outside the byte enables", what).isZero();
                assertThat(o.changedMask()).as("%s: changed is before ^ after", what).isEqualTo(o.before() ^ o.after());
                assertThat(dropMasks).as("%s: the drops cover the dropped mask", what).isEqualTo(o.droppedMask());
            }
        });
    }

    @Test
    void aRefusedAccessChangesNothingAndNoExceptionEscapes() {
        // check() already fails on any exception; here an errno must leave every register alone.
        check((s, step) -> {
            if (!step.result.ok()) {
                assertThat(step.result.outcomes()).as("%s: outcomes of a refused access", step).isEmpty();
                assertThat(step.result.value()).as("%s: value of a refused access", step).isZero();
                for (RegisterDef r : REGISTERS) {
                    if (step.after(r) != step.before(r)) {
                        assertThat(step.after(r)).as("%s: %s changed by a refused access", step, r).isEqualTo(step.before(r));
                    }
                }
            }
        });
    }

    @Test
    void restoringASnapshotGivesTheStateOfTheRunUpToIt() {
        qt().withExamples(EXAMPLES).forAll(scenarios()).checkAssert(s -> {
            VfioDevice device = s.profile.create();
            List<AccessResult> prefix = run(device, s.accesses.subList(0, s.snapshotAt), 0);
            DeviceSnapshot snapshot = device.snapshot();
            List<AccessResult> suffix = run(device, s.accesses.subList(s.snapshotAt, s.accesses.size()), s.snapshotAt);

            VfioDevice replay = s.profile.create();
            assertThat(run(replay, s.accesses.subList(0, s.snapshotAt), 0)).as("replaying the prefix").isEqualTo(prefix);

            device.restore(snapshot);
            assertSameState(device, replay, s, "restored device");
            VfioDevice copy = snapshot.toDevice();
            assertSameState(copy, replay, s, "snapshot.toDevice()");

            // Both continue as the original run did, and the snapshot stays as it was taken.
            assertThat(run(device, s.accesses.subList(s.snapshotAt, s.accesses.size()), s.snapshotAt))
                    .as("the suffix after restore").isEqualTo(suffix);
            assertThat(run(copy, s.accesses.subList(s.snapshotAt, s.accesses.size()), s.snapshotAt))
                    .as("the suffix on snapshot.toDevice()").isEqualTo(suffix);
            assertSameState(snapshot.toDevice(), replay, s, "the snapshot after both ran on");
        });
    }

    // ------------------------------------------------------------------ running a scenario

    /** One access of a run, with the registers before and after it. */
    static final class Step {
        final int index;
        final Access access;
        final VfioDevice device;
        final long[] before;
        final long[] after;
        final boolean[] gatesBefore;
        final AccessResult result;

        Step(int index, Access access, VfioDevice device, long[] before, boolean[] gatesBefore, AccessResult result) {
            this.index = index;
            this.access = access;
            this.device = device;
            this.before = before;
            this.gatesBefore = gatesBefore;
            this.result = result;
            this.after = values(device);
        }

        long before(RegisterDef r) {
            return before[r.id()];
        }

        long after(RegisterDef r) {
            return after[r.id()];
        }

        boolean closedBefore(Gate g) {
            return gatesBefore[g.ordinal()];
        }

        @Override
        public String toString() {
            return "step " + (index + 1) + " (" + access + " -> " + (result.ok() ? "ok" : result.errno()) + ")";
        }
    }

    @FunctionalInterface
    interface StepCheck {
        void check(Scenario s, Step step);
    }

    private void check(StepCheck property) {
        qt().withExamples(EXAMPLES).forAll(scenarios()).checkAssert(s -> {
            VfioDevice device = s.profile.create();
            for (int i = 0; i < s.accesses.size(); i++) {
                long[] before = values(device);
                boolean[] gates = new boolean[Gate.values().length];
                for (Gate g : Gate.values()) {
                    gates[g.ordinal()] = device.closed(g);
                }
                AccessResult result = perform(device, s.accesses.get(i), i);
                property.check(s, new Step(i, s.accesses.get(i), device, before, gates, result));
            }
        });
    }

    private static List<AccessResult> run(VfioDevice device, List<Access> accesses, int firstIndex) {
        List<AccessResult> results = new ArrayList<>();
        for (int i = 0; i < accesses.size(); i++) {
            results.add(perform(device, accesses.get(i), firstIndex + i));
        }
        return results;
    }

    /** One access; the device answers every mistake with an errno, so any exception fails the property. */
    private static AccessResult perform(VfioDevice device, Access a, int index) {
        AccessResult r;
        try {
            r = a.write ? device.write(a.space, a.offset, a.bytes, a.value, Provenance.line(index + 1))
                    : device.read(a.space, a.offset, a.bytes);
        } catch (RuntimeException e) {
            throw new AssertionError("step " + (index + 1) + " (" + a + ") threw " + e, e);
        }
        assertThat(r).as("step %d (%s) returned no result", index + 1, a).isNotNull();
        return r;
    }

    private static long[] values(VfioDevice device) {
        long[] v = new long[REGISTERS.size()];
        for (RegisterDef r : REGISTERS) {
            v[r.id()] = device.value(r);
        }
        return v;
    }

    private static boolean readOnly(VfioDevice device, RegisterDef r) {
        WriteAlgebra a = device.algebra(r, device.viewOf(r));
        return r.behaviour() != Behaviour.DECODER_CONTROL
                && (a.maskOf(Attribute.RO) | a.maskOf(Attribute.HW_INIT)) == r.valueMask();
    }

    private static void assertSameState(VfioDevice actual, VfioDevice expected, Scenario s, String what) {
        for (RegisterDef r : REGISTERS) {
            if (actual.value(r) != expected.value(r) || actual.hostValue(r) != expected.hostValue(r)) {
                assertThat(actual.value(r)).as("%s: %s", what, r).isEqualTo(expected.value(r));
                assertThat(actual.hostValue(r)).as("%s: host.%s", what, r).isEqualTo(expected.hostValue(r));
            }
        }
        for (Access a : s.accesses) {
            if (a.write && (a.space == Space.HDM || a.space.barIndex() >= 0)) {
                AccessResult got = actual.read(a.space, a.offset, a.bytes);
                AccessResult want = expected.read(a.space, a.offset, a.bytes);
                if (!got.equals(want)) {
                    assertThat(got).as("%s: bytes at %s 0x%x", what, a.space, a.offset).isEqualTo(want);
                }
            }
        }
        assertThat(actual.sameStateAs(expected)).as("%s: whole state, HDM and BAR memory included", what).isTrue();
    }

    // ------------------------------------------------------------------ generators

    /**
     * Per register id, in the device's view of it: the write-once, write-1-to-clear and gated bits,
     * the bits whose attribute keeps the old value (RO, HwInit, RsvdP, RsvdZ, unmodelled), and
     * whether every bit is RO or HwInit. Read once per profile from the device's algebra.
     */
    static final class Masks {
        final long[] rwo = new long[REGISTERS.size()];
        final long[] rw1c = new long[REGISTERS.size()];
        final long[] keep = new long[REGISTERS.size()];
        final long[][] gated = new long[Gate.values().length][REGISTERS.size()];
        final boolean[] readOnly = new boolean[REGISTERS.size()];

        Masks(VfioDevice device) {
            for (RegisterDef r : REGISTERS) {
                WriteAlgebra a = device.algebra(r, device.viewOf(r));
                int id = r.id();
                rwo[id] = a.maskOf(Attribute.RWO);
                rw1c[id] = a.maskOf(Attribute.RW1C);
                keep[id] = a.maskOf(Attribute.RO) | a.maskOf(Attribute.HW_INIT) | a.maskOf(Attribute.RSVD_P)
                        | a.maskOf(Attribute.RSVD_Z) | a.maskOf(Attribute.UNMODELLED);
                for (Gate g : Gate.values()) {
                    gated[g.ordinal()][id] = a.maskOf(Attribute.rwl(g));
                }
                readOnly[id] = readOnly(device, r);
            }
        }
    }

    record Profile(String name, DeviceProfile profile, VfioDevice fresh, Masks masks) {
        VfioDevice create() {
            Creation c = VfioDevice.create(profile);
            assertThat(c.errno()).as("creating %s", name).isNull();
            return c.device();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Profile profile(String name, String... parameters) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2()).named(name);
        for (int i = 0; i < parameters.length; i += 2) {
            b.set(parameters[i], parameters[i + 1]).ifPresent(e -> {
                throw new IllegalArgumentException(e);
            });
        }
        ProfileBuilder.Result built = b.build();
        assertThat(built.errors()).as("profile %s", name).isEmpty();
        VfioDevice fresh = VfioDevice.create(built.profile()).device();
        return new Profile(name, built.profile(), fresh, new Masks(fresh));
    }

    record Access(boolean write, Space space, long offset, int bytes, long value) {
        @Override
        public String toString() {
            String op = (write ? "w" : "r") + bytes * 8 + " " + space + " 0x" + Long.toHexString(offset);
            return write ? op + " = 0x" + Long.toHexString(value) : op;
        }
    }

    record Scenario(Profile profile, List<Access> accesses, int snapshotAt) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("profile ").append(profile.name)
                    .append(", snapshot after step ").append(snapshotAt).append(':');
            for (int i = 0; i < accesses.size(); i++) {
                b.append(String.format(Locale.ROOT, "%n  %2d: %s", i + 1, accesses.get(i)));
            }
            return b.toString();
        }
    }

    private Gen<Scenario> scenarios() {
        Gen<List<Access>> sequences = lists().of(accesses()).ofSizeBetween(1, 40);
        return pick(PROFILES).zip(sequences, integers().between(0, 40),
                (p, list, at) -> new Scenario(p, list, Math.min(at, list.size())));
    }

    private Gen<Access> accesses() {
        Gen<Space> spaces = weighted(List.of(
                Pair.of(35, constant(Space.CFG)), Pair.of(25, constant(Space.COMP)), Pair.of(15, constant(Space.HDM)),
                Pair.of(15, constant(Space.BAR0)), Pair.of(4, constant(Space.BAR2)), Pair.of(6, pick(List.of(
                        Space.BAR1, Space.BAR3, Space.BAR4, Space.BAR5)))));
        return booleans().all().zip(spaces, pick(List.of(1, 2, 4, 8)), values(),
                (write, space, bytes, value) -> new Access(write, space, 0, bytes, value))
                .flatMap(a -> offsets(a.space).map(o -> new Access(a.write, a.space, o, a.bytes, a.value)));
    }

    private Gen<Long> offsets(Space space) {
        return switch (space) {
            case CFG -> weighted(List.of(
                    Pair.of(40, longs().between(0x100, 0x153)),                  // the DVSEC and the locator
                    Pair.of(15, longs().between(0x00, 0x3f)),                    // the type 0 header
                    Pair.of(10, longs().between(0x40, 0x7f)),                    // the PCIe capability
                    Pair.of(15, longs().between(0, RegisterCatalog.CFG_SIZE - 1)),
                    Pair.of(10, longs().between(RegisterCatalog.CFG_SIZE - 8, RegisterCatalog.CFG_SIZE + 8)),
                    Pair.of(5, longs().all())));
            case COMP -> weighted(List.of(
                    Pair.of(40, longs().between(0x1000 / 4, 0x1040 / 4).map(d -> d * 4)),   // CM array and decoder, dwords
                    Pair.of(10, longs().between(0x1000, 0x1043)),
                    Pair.of(10, longs().between(0, 0x10).map(d -> d * 4)),
                    Pair.of(15, longs().between(0, RegisterCatalog.COMP_SIZE - 1)),
                    Pair.of(15, longs().between(RegisterCatalog.COMP_SIZE - 12, RegisterCatalog.COMP_SIZE + 8)),
                    Pair.of(5, longs().all())));
            case HDM -> weighted(List.of(
                    Pair.of(20, longs().between(0, 64)),
                    Pair.of(20, longs().between(4096 - 8, 4096 + 8)),            // across a page boundary
                    Pair.of(20, longs().between((256L << 20) - 16, (256L << 20) + 8)),   // the end of 256M
                    Pair.of(25, longs().between(0, (256L << 20) - 1)),
                    Pair.of(15, longs().all())));
            default -> weighted(List.of(
                    Pair.of(15, longs().between(0, 0x20)),
                    Pair.of(15, longs().between(0x1000, 0x1040)),                // the decoder if the block is at 0
                    Pair.of(15, longs().between(0x4_1000, 0x4_1040)),            // the decoder at comp_offset 0x40000
                    Pair.of(15, pick(List.of(0x1_0000L, 0x4_0000L, 0x5_0000L))
                            .zip(longs().between(-9, 8), Long::sum)),           // the edges of the component window
                    Pair.of(15, longs().between(0, (1L << 20) - 1)),
                    Pair.of(10, longs().between((1L << 20) - 12, (1L << 20) + 8)),   // the end of the 1M BAR
                    Pair.of(5, longs().all())));
        };
    }

    private Gen<Long> values() {
        return weighted(List.of(
                Pair.of(25, constant(0L)),
                Pair.of(20, constant(-1L)),
                Pair.of(20, pick(List.of(1L, 0x100L, 0x200L, 0x400L, 0x600L, 0x700L, 0x4000L, 0x8000L, 0xFFFFL, 0xFFFF_0000L))),
                Pair.of(35, longs().all())));
    }

    private static <T> Gen<T> weighted(List<Pair<Integer, Gen<T>>> choices) {
        return frequency(choices);
    }
}
