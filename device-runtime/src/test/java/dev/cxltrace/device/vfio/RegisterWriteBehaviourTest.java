package dev.cxltrace.device.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxltrace.device.catalog.Behaviour;
import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.DvsecRegisters;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Register writes through the real device access path ({@code cfg} for configuration registers,
 * {@code comp} for the component block) on a CXL-bound device, checked field by field against the
 * Exec attributes of REGISTERS.md §2.1, §3 and §4, with the DVSEC body widening of §2.3 and the
 * decoder state machine FSM-DEC of §5.2.
 */
class RegisterWriteBehaviourTest {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final String UNLISTED = "<unlisted bits>";

    private static final Provenance CONFIG_LOCK_PARAMETER = Provenance.parameter("config_lock");
    private static final Provenance LOCK_ON_COMMIT_PARAMETER = Provenance.parameter("lock_on_commit");
    private static final Provenance FIRMWARE_COMMITTED_PARAMETER = Provenance.parameter("firmware_committed");

    /** The built-in profile, and one where firmware left both locks set. */
    private static final Map<String, String> PROFILES = Map.of(
            "type2", "",
            "type2 config_lock=true lock_on_commit=true", "config_lock=true lock_on_commit=true");

    private static DeviceProfile profile(String parameters) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2());
        if (!parameters.isBlank()) {
            for (String assignment : parameters.strip().split("\\s+")) {
                String[] kv = assignment.split("=", 2);
                assertThat(b.set(kv[0], kv[1])).as(assignment).isEmpty();
            }
        }
        ProfileBuilder.Result result = b.build();
        assertThat(result.errors()).isEmpty();
        return result.profile();
    }

    private static VfioDevice device(String parameters) {
        Creation c = VfioDevice.create(profile(parameters));
        assertThat(c.errno()).isNull();
        assertThat(c.device().cxlBound()).isTrue();
        return c.device();
    }

    private static AccessResult write(VfioDevice device, RegisterDef r, long value, Provenance who) {
        AccessResult result = device.write(r.space(), r.offset(), r.bytes(), value, who);
        assertThat(result.errno()).as("write to %s", r.path()).isNull();
        return result;
    }

    private static List<Drop> drops(AccessResult result) {
        List<Drop> all = new ArrayList<>();
        for (WriteOutcome o : result.outcomes()) {
            all.addAll(o.drops());
        }
        return all;
    }

    private static WriteOutcome outcomeOf(AccessResult result, RegisterDef r) {
        return result.outcomes().stream().filter(o -> o.register() == r).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + r.path()));
    }

    private static long field(VfioDevice device, RegisterDef r, String name) {
        return r.field(name, device.profile()).orElseThrow().extract(device.value(r));
    }

    private static long mask(RegisterDef r, String... names) {
        long m = 0;
        for (String n : names) {
            m |= r.field(n).orElseThrow().mask();
        }
        return m;
    }

    // ================================================================ every register, field by field

    static Stream<Arguments> attributeRegisters() {
        List<Arguments> args = new ArrayList<>();
        for (Map.Entry<String, String> p : new TreeMap<>(PROFILES).entrySet()) {
            for (RegisterDef r : CATALOG.registers()) {
                if (r.behaviour() != Behaviour.DECODER_CONTROL) {
                    args.add(Arguments.of(p.getKey(), p.getValue(), r));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("attributeRegisters")
    void writingAllOnesThenZeroFollowsEachFieldsExecAttribute(String profileName, String parameters, RegisterDef r) {
        VfioDevice device = device(parameters);
        Provenance line = Provenance.line(10);
        long firmware = device.value(r);

        checkWrite(device, r, r.valueMask(), line);
        checkWrite(device, r, 0, Provenance.line(11));

        if (r.copies() == Copies.HOST_AND_SHADOW) {
            assertThat(device.hostValue(r)).as("host copy of %s is untouched", r.path()).isEqualTo(firmware);
        }
    }

    /** One whole-register write, checked against what each field's Exec attribute must do. */
    private static void checkWrite(VfioDevice device, RegisterDef r, long w, Provenance line) {
        long old = device.value(r);
        Expected e = Expected.of(device, r, old, w);

        AccessResult result = write(device, r, w, line);

        assertThat(result.outcomes()).as("outcomes of a write to %s", r.path())
                .isNotEmpty().allSatisfy(o -> assertThat(o.register()).isSameAs(r));
        assertThat(device.value(r)).as("%s after writing 0x%x onto 0x%x", r.path(), w, old).isEqualTo(e.next);

        long changed = 0;
        long dropped = 0;
        long divergence = 0;
        long byteEnables = 0;
        Map<String, Long> dropMasks = new TreeMap<>();
        for (WriteOutcome o : result.outcomes()) {
            changed |= o.changedMask();
            dropped |= o.droppedMask();
            divergence |= o.specDivergence();
            byteEnables |= o.byteEnables();
            for (Drop d : o.drops()) {
                String name = d.field() == null ? UNLISTED : d.field().name();
                dropMasks.merge(name, d.mask(), (x, y) -> x | y);
                ExpectedDrop x = e.drops.get(name);
                assertThat(x).as("unexpected drop of %s.%s (mask 0x%x, %s)", r.path(), name, d.mask(), d.reason()).isNotNull();
                assertThat(d.register()).isSameAs(r);
                assertThat(d.reason()).as("%s.%s", r.path(), name).isEqualTo(x.reason);
                assertThat(d.gate()).as("%s.%s gate", r.path(), name).isEqualTo(Optional.ofNullable(x.gate));
                assertThat(d.cause()).as("%s.%s cause", r.path(), name).isSameAs(x.cause);
                assertThat(d.setter()).as("%s.%s setter", r.path(), name).isEqualTo(x.setter);
            }
        }
        Map<String, Long> expectedMasks = new TreeMap<>();
        e.drops.forEach((name, x) -> expectedMasks.put(name, x.mask));
        assertThat(dropMasks).as("dropped bits of %s per field, writing 0x%x onto 0x%x", r.path(), w, old)
                .isEqualTo(expectedMasks);
        assertThat(dropped).as("%s dropped mask", r.path()).isEqualTo(e.droppedMask());
        assertThat(changed).as("%s changed mask", r.path()).isEqualTo(e.next ^ old);
        assertThat(byteEnables).as("%s byte enables", r.path()).isEqualTo(r.valueMask());
        assertThat(divergence).as("%s I-SPEC bits", r.path()).isEqualTo(e.specDivergence);
    }

    private record ExpectedDrop(long mask, DropReason reason, Gate gate, FieldDef cause, Provenance setter) {
    }

    /**
     * What a whole-register write must do, worked out from the catalog's attributes with the
     * table of REGISTERS.md §2.1 (written out here, not taken from {@code Attribute}), the gates of
     * §2.2 read from the device's registers, and the setters a fresh device starts with.
     */
    private static final class Expected {
        long next;
        long specNext;
        long specDivergence;
        final Map<String, ExpectedDrop> drops = new TreeMap<>();

        long droppedMask() {
            long m = 0;
            for (ExpectedDrop d : drops.values()) {
                m |= d.mask;
            }
            return m;
        }

        static Expected of(VfioDevice device, RegisterDef r, long old, long w) {
            Expected e = new Expected();
            long listed = 0;
            List<FieldDef> fields = device.fields(r);
            for (FieldDef f : fields) {
                e.add(device, f.name(), f.mask(), r.execAttribute(f), f.spec(), old, w);
                listed |= f.mask();
            }
            long unlisted = r.valueMask() & ~listed;
            if (unlisted != 0) {
                e.add(device, UNLISTED, unlisted, r.execWhole().orElse(Attribute.RO), Attribute.RO, old, w);
            }
            if (r.behaviour() == Behaviour.BAR_SIZING && w == r.valueMask()) {
                e.drops.clear();   // REGISTERS.md §3.2: the all-ones sizing write is silent
            }
            e.specDivergence = (e.next ^ old) & ~(e.specNext ^ old);
            return e;
        }

        private void add(VfioDevice device, String name, long m, Attribute exec, Attribute spec, long old, long w) {
            next |= newBits(device, exec, old, w) & m;
            specNext |= newBits(device, spec, old, w) & m;
            long d = droppedBits(device, exec, old, w) & m;
            if (d != 0) {
                Gate gate = exec.gate().orElse(null);
                FieldDef cause = gate == null ? null : cause(device, gate);
                drops.put(name, new ExpectedDrop(d, reason(exec), gate, cause, gate == null ? null : setter(cause)));
            }
        }

        private static long newBits(VfioDevice device, Attribute a, long old, long w) {
            if (a instanceof Attribute.Locked locked) {
                return closed(device, locked.lock()) ? old : w;
            }
            return switch ((Attribute.Basic) a) {
                case RO, HW_INIT, RSVD_P, RSVD_Z, UNMODELLED -> old;
                case RW -> w;
                case RWO -> old | w;
                case RW1C -> old & ~w;
                case RWA -> 0;
            };
        }

        private static long droppedBits(VfioDevice device, Attribute a, long old, long w) {
            if (a instanceof Attribute.Locked locked) {
                return closed(device, locked.lock()) ? w ^ old : 0;
            }
            return switch ((Attribute.Basic) a) {
                case RO, HW_INIT, RSVD_P -> w ^ old;
                case RSVD_Z, UNMODELLED -> w;
                case RWO -> old & ~w;
                case RW, RW1C, RWA -> 0;
            };
        }

        private static DropReason reason(Attribute a) {
            if (a instanceof Attribute.Locked) {
                return DropReason.LOCKED;
            }
            return switch ((Attribute.Basic) a) {
                case RO, HW_INIT -> DropReason.READ_ONLY;
                case RSVD_P, RSVD_Z -> DropReason.RESERVED;
                case RWO -> DropReason.LATCHED;
                case UNMODELLED -> DropReason.UNMODELLED;
                case RW, RW1C, RWA -> throw new AssertionError(a + " never drops");
            };
        }

        /** §2.2, read from the guest-visible registers. */
        private static boolean closed(VfioDevice device, Gate gate) {
            boolean configLock = (device.value(DvsecRegisters.LOCK) & DvsecRegisters.CONFIG_LOCK.mask()) != 0;
            long ctrl = device.value(HdmDecoderRegisters.CTRL);
            boolean committed = (ctrl & HdmDecoderRegisters.COMMITTED.mask()) != 0;
            boolean lockOnCommit = (ctrl & HdmDecoderRegisters.LOCK_ON_COMMIT.mask()) != 0;
            return switch (gate) {
                case CONFIG_LOCK -> configLock;
                case DEC0_LOCKED -> committed || lockOnCommit;
                case DEC0_SPEC -> committed && lockOnCommit;
            };
        }

        private static FieldDef cause(VfioDevice device, Gate gate) {
            boolean lockOnCommit = (device.value(HdmDecoderRegisters.CTRL) & HdmDecoderRegisters.LOCK_ON_COMMIT.mask()) != 0;
            return switch (gate) {
                case CONFIG_LOCK -> DvsecRegisters.CONFIG_LOCK;
                case DEC0_LOCKED -> lockOnCommit ? HdmDecoderRegisters.LOCK_ON_COMMIT : HdmDecoderRegisters.COMMITTED;
                case DEC0_SPEC -> HdmDecoderRegisters.LOCK_ON_COMMIT;
            };
        }

        /** On a fresh device every gate was set by the profile. */
        private static Provenance setter(FieldDef cause) {
            if (cause == DvsecRegisters.CONFIG_LOCK) {
                return CONFIG_LOCK_PARAMETER;
            }
            return cause == HdmDecoderRegisters.LOCK_ON_COMMIT ? LOCK_ON_COMMIT_PARAMETER : FIRMWARE_COMMITTED_PARAMETER;
        }
    }

    @Test
    void everyRegisterIsReachedThroughItsOwnSpace() {
        VfioDevice device = device("");
        for (RegisterDef r : CATALOG.registers()) {
            AccessResult read = device.read(r.space(), r.offset(), Math.min(r.bytes(), 8));
            assertThat(read.errno()).as(r.path()).isNull();
            assertThat(read.value()).as(r.path()).isEqualTo(device.value(r));
        }
    }

    @Test
    void writingBackTheCurrentValueIsSilentForEveryRegister() {
        for (String parameters : PROFILES.values()) {
            VfioDevice device = device(parameters);
            for (RegisterDef r : CATALOG.registers()) {
                long v = device.value(r);
                AccessResult result = write(device, r, v, Provenance.line(2));
                assertThat(drops(result)).as("%s (%s)", r.path(), parameters).isEmpty();
                assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.droppedMask()).isZero());
                long w1c = device.algebra(r, device.viewOf(r)).maskOf(Attribute.RW1C);
                // Writing back a 1 to a write-one-to-clear bit clears it: that is the write, not a drop.
                assertThat(device.value(r)).as("%s (%s)", r.path(), parameters).isEqualTo(v & ~w1c);
            }
        }
    }

    // ================================================================ BAR sizing (§3.2)

    @Test
    void barSizingWriteIsSilentAndReadsBackTheSizeMask() {
        for (String parameters : List.of("", "comp_bar=2 bar_size=2M", "bar_size=64K", "bar_size=2G")) {
            VfioDevice device = device(parameters);
            RegisterDef bar = CATALOG.byPath("pci.bar" + device.profile().compBar()).orElseThrow();
            AccessResult result = write(device, bar, 0xFFFF_FFFFL, Provenance.line(2));
            assertThat(drops(result)).as(parameters).isEmpty();
            assertThat(device.read(Space.CFG, bar.offset(), 4).value()).as(parameters)
                    .isEqualTo(~(device.profile().barSize() - 1) & 0xFFFF_FFFFL);
        }
    }

    @Test
    void barBaseTakesAddressBitsAndDropsTheSizeBits() {
        VfioDevice device = device("");
        RegisterDef bar0 = CATALOG.byPath("pci.bar0").orElseThrow();
        long size = device.profile().barSize();
        AccessResult result = write(device, bar0, 0x8000_0000L | (size >>> 1), Provenance.line(2));
        assertThat(device.value(bar0)).isEqualTo(0x8000_0000L);
        assertThat(drops(result)).extracting(d -> d.field().name(), Drop::reason)
                .containsExactly(tuple("SIZE", DropReason.READ_ONLY));
    }

    @Test
    void sizingAnUnimplementedBarIsSilentAndReadsZero() {
        // REGISTERS.md §3.2 states the silent sizing write in the component BAR's row; the model
        // extends it to the unimplemented BARs, which software sizes the same way.
        VfioDevice device = device("");
        RegisterDef bar1 = CATALOG.byPath("pci.bar1").orElseThrow();
        assertThat(drops(write(device, bar1, 0xFFFF_FFFFL, Provenance.line(2)))).isEmpty();
        assertThat(device.value(bar1)).isZero();
        assertThat(drops(write(device, bar1, 0x1000_0000L, Provenance.line(3))))
                .extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
    }

    // ================================================================ FSM-DEC on decoder 0 control (§5.2)

    @Test
    void committedDecoderHonoursOnlyCommitAndReportsEveryOtherBitAsDecoderCommitted() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        long c = device.value(ctrl);
        long commitBits = HdmDecoderRegisters.COMMIT.mask() | HdmDecoderRegisters.COMMITTED.mask();
        assertThat(c & commitBits).isEqualTo(commitBits);

        AccessResult result = write(device, ctrl, ctrl.valueMask(), Provenance.line(4));

        assertThat(device.value(ctrl)).isEqualTo(c);
        WriteOutcome o = outcomeOf(result, ctrl);
        assertThat(o.changedMask()).isZero();
        assertThat(o.droppedMask()).isEqualTo(ctrl.valueMask() & ~c);
        assertThat(o.drops()).allSatisfy(d -> assertThat(d.reason()).isEqualTo(DropReason.DECODER_COMMITTED));
        assertThat(o.drops()).extracting(d -> d.field().name()).containsExactly("IG", "IW", "LOCK_ON_COMMIT",
                "ERR_NOT_COMMITTED", "TARGET_TYPE", "BI", "UIO", "RSVD15", "UIG", "UIW", "ISP", "RSVD");
    }

    @Test
    void writingCommitZeroUncommitsSilently() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        AccessResult result = write(device, ctrl, 0, Provenance.line(4));
        assertThat(device.value(ctrl)).isZero();
        assertThat(drops(result)).isEmpty();
        assertThat(device.hostValue(ctrl)).isEqualTo(ctrl.resetValue(device.profile()));
    }

    @Test
    void uncommittedDecoderTakesTheWrittenBitsAndReportsOnlyReadOnlyStatus() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        write(device, ctrl, 0, Provenance.line(4));

        // COMMIT=0: every bit but COMMITTED and ERR_NOT_COMMITTED comes from the write (§5.2, row 4).
        long settings = mask(ctrl, "LOCK_ON_COMMIT", "TARGET_TYPE") | HdmDecoderRegisters.CTRL.field("IG").orElseThrow().place(3);
        AccessResult r1 = write(device, ctrl, settings | HdmDecoderRegisters.COMMITTED.mask(), Provenance.line(5));
        assertThat(device.value(ctrl)).isEqualTo(settings);
        assertThat(drops(r1)).extracting(d -> d.field().name(), Drop::reason)
                .containsExactly(tuple("COMMITTED", DropReason.READ_ONLY));

        // COMMIT=1: the write with COMMITTED=1 and ERR_NOT_COMMITTED=0 (§5.2, row 3); a written
        // ERR_NOT_COMMITTED is refused as read-only.
        long v = ctrl.valueMask();
        AccessResult r2 = write(device, ctrl, v, Provenance.line(6));
        assertThat(device.value(ctrl)).isEqualTo(v & ~HdmDecoderRegisters.ERR_NOT_COMMITTED.mask());
        assertThat(drops(r2)).extracting(d -> d.field().name(), Drop::reason, Drop::mask)
                .containsExactly(tuple("ERR_NOT_COMMITTED", DropReason.READ_ONLY, HdmDecoderRegisters.ERR_NOT_COMMITTED.mask()));
    }

    @Test
    void selftestSequenceEndsWhereItStarted() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        long commit = HdmDecoderRegisters.COMMIT.mask();
        long start = device.value(ctrl);

        assertThat(drops(write(device, ctrl, start & ~commit, Provenance.line(1)))).isEmpty();
        assertThat(device.value(ctrl)).isZero();
        assertThat(drops(write(device, ctrl, commit, Provenance.line(2)))).isEmpty();
        assertThat(device.value(ctrl)).isEqualTo(start);
        assertThat(drops(write(device, ctrl, start, Provenance.line(3)))).isEmpty();
        assertThat(device.value(ctrl)).isEqualTo(start);
        assertThat(device.hostValue(ctrl)).isEqualTo(start);
    }

    @Test
    void selftestSequenceLosesLockOnCommitAndTheRestoreReportsIt() {
        VfioDevice device = device("lock_on_commit=true");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        long commit = HdmDecoderRegisters.COMMIT.mask();
        long lockOnCommit = HdmDecoderRegisters.LOCK_ON_COMMIT.mask();
        long start = device.value(ctrl);
        assertThat(start & lockOnCommit).isNotZero();

        write(device, ctrl, start & ~commit & ~lockOnCommit, Provenance.line(1));
        assertThat(device.value(ctrl)).isZero();
        write(device, ctrl, commit, Provenance.line(2));
        AccessResult restore = write(device, ctrl, start, Provenance.line(3));
        assertThat(device.value(ctrl)).isEqualTo(start & ~lockOnCommit);
        assertThat(drops(restore)).extracting(d -> d.field().name(), Drop::reason)
                .containsExactly(tuple("LOCK_ON_COMMIT", DropReason.DECODER_COMMITTED));
        assertThat(device.hostValue(ctrl)).isEqualTo(start);
    }

    // ================================================================ CONFIG_LOCK (§2.2, §3.5)

    @Test
    void configLockLatchesAndTheLockedControlWriteIsDroppedNamingTheSetterLine() {
        VfioDevice device = device("");
        RegisterDef control = DvsecRegisters.CONTROL;
        long before = device.value(control);

        AccessResult latch = write(device, DvsecRegisters.LOCK, DvsecRegisters.CONFIG_LOCK.place(1), Provenance.line(3));
        assertThat(drops(latch)).isEmpty();
        assertThat(field(device, DvsecRegisters.LOCK, "CONFIG_LOCK")).isEqualTo(1);

        AccessResult locked = write(device, control, 0, Provenance.line(4));
        assertThat(device.value(control)).isEqualTo(before);
        assertThat(drops(locked)).extracting(d -> d.field().name(), Drop::mask)
                .containsExactly(
                        tuple("CACHE_ENABLE", mask(control, "CACHE_ENABLE")),
                        tuple("IO_ENABLE", mask(control, "IO_ENABLE")),
                        tuple("MEM_ENABLE", mask(control, "MEM_ENABLE")));
        assertThat(drops(locked)).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.attribute()).isEqualTo(Attribute.rwl(Gate.CONFIG_LOCK));
            assertThat(d.gate()).contains(Gate.CONFIG_LOCK);
            assertThat(d.cause()).isSameAs(DvsecRegisters.CONFIG_LOCK);
            assertThat(d.setter()).isEqualTo(Provenance.line(3));
        });
    }

    @Test
    void configLockAlsoFreezesControl2() {
        VfioDevice device = device("");
        write(device, DvsecRegisters.LOCK, DvsecRegisters.CONFIG_LOCK.place(1), Provenance.line(3));
        long disable = mask(DvsecRegisters.CONTROL2, "DISABLE_CACHING");
        AccessResult result = write(device, DvsecRegisters.CONTROL2, disable, Provenance.line(4));
        assertThat(device.value(DvsecRegisters.CONTROL2)).isZero();
        assertThat(drops(result)).singleElement().satisfies(d -> {
            assertThat(d.field().name()).isEqualTo("DISABLE_CACHING");
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.setter()).isEqualTo(Provenance.line(3));
        });
    }

    @Test
    void latchedConfigLockIgnoresLaterWritesAndKeepsItsSetter() {
        VfioDevice device = device("");
        write(device, DvsecRegisters.LOCK, DvsecRegisters.CONFIG_LOCK.place(1), Provenance.line(3));
        AccessResult clear = write(device, DvsecRegisters.LOCK, 0, Provenance.line(5));
        assertThat(field(device, DvsecRegisters.LOCK, "CONFIG_LOCK")).isEqualTo(1);
        assertThat(drops(clear)).extracting(d -> d.field().name(), Drop::reason)
                .containsExactly(tuple("CONFIG_LOCK", DropReason.LATCHED));
        assertThat(drops(write(device, DvsecRegisters.LOCK, DvsecRegisters.CONFIG_LOCK.place(1), Provenance.line(6))))
                .isEmpty();

        AccessResult locked = write(device, DvsecRegisters.CONTROL, 0, Provenance.line(7));
        assertThat(drops(locked)).isNotEmpty().allSatisfy(d -> assertThat(d.setter()).isEqualTo(Provenance.line(3)));
    }

    @Test
    void firmwareConfigLockNamesTheProfileParameterAsSetter() {
        VfioDevice device = device("config_lock=true");
        assertThat(field(device, DvsecRegisters.LOCK, "CONFIG_LOCK")).isEqualTo(1);
        AccessResult result = write(device, DvsecRegisters.CONTROL, 0, Provenance.line(2));
        assertThat(device.value(DvsecRegisters.CONTROL)).isEqualTo(DvsecRegisters.CONTROL.resetValue(device.profile()));
        assertThat(drops(result)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.gate()).contains(Gate.CONFIG_LOCK);
            assertThat(d.cause()).isSameAs(DvsecRegisters.CONFIG_LOCK);
            assertThat(d.setter()).isEqualTo(Provenance.parameter("config_lock"));
        });
    }

    @Test
    void openConfigLockLetsTheGuestRewriteControl() {
        VfioDevice device = device("");
        long w = mask(DvsecRegisters.CONTROL, "VIRAL_ENABLE", "MEM_ENABLE");
        AccessResult result = write(device, DvsecRegisters.CONTROL, w, Provenance.line(2));
        assertThat(device.value(DvsecRegisters.CONTROL)).isEqualTo(w);
        assertThat(drops(result)).isEmpty();
    }

    // ================================================================ DEC0_LOCKED (§2.2, §4.3)

    @Test
    void committedDecoderBaseWriteIsDroppedNamingCommittedAndFirmwareCommitted() {
        VfioDevice device = device("");
        RegisterDef baseLo = HdmDecoderRegisters.BASE_LO;
        long before = device.value(baseLo);
        long w = baseLo.field("MEMORY_BASE_LOW").orElseThrow().place(1);

        AccessResult result = write(device, baseLo, w, Provenance.line(2));

        assertThat(device.value(baseLo)).isEqualTo(before);
        assertThat(drops(result)).singleElement().satisfies(d -> {
            assertThat(d.field().name()).isEqualTo("MEMORY_BASE_LOW");
            assertThat(d.mask()).isEqualTo(w ^ before);
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.gate()).contains(Gate.DEC0_LOCKED);
            assertThat(d.cause()).isSameAs(HdmDecoderRegisters.COMMITTED);
            assertThat(d.setter()).isEqualTo(Provenance.parameter("firmware_committed"));
        });
    }

    @Test
    void lockOnCommitBaseWriteIsDroppedNamingLockOnCommitAndItsParameter() {
        VfioDevice device = device("lock_on_commit=true");
        RegisterDef baseLo = HdmDecoderRegisters.BASE_LO;
        AccessResult result = write(device, baseLo, baseLo.valueMask(), Provenance.line(2));
        assertThat(device.value(baseLo)).isEqualTo(baseLo.resetValue(device.profile()));
        assertThat(drops(result)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.gate()).contains(Gate.DEC0_LOCKED);
            assertThat(d.cause()).isSameAs(HdmDecoderRegisters.LOCK_ON_COMMIT);
            assertThat(d.setter()).isEqualTo(Provenance.parameter("lock_on_commit"));
        });
    }

    @Test
    void uncommittedDecoderBaseTakesWritesAndRecommitNamesTheCommitLine() {
        VfioDevice device = device("");
        RegisterDef baseLo = HdmDecoderRegisters.BASE_LO;
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        long w = baseLo.field("MEMORY_BASE_LOW").orElseThrow().place(1);

        write(device, ctrl, 0, Provenance.line(5));
        assertThat(drops(write(device, baseLo, w, Provenance.line(6)))).isEmpty();
        assertThat(device.value(baseLo)).isEqualTo(w);

        write(device, ctrl, HdmDecoderRegisters.COMMIT.mask(), Provenance.line(7));
        AccessResult result = write(device, baseLo, 0, Provenance.line(8));
        assertThat(device.value(baseLo)).isEqualTo(w);
        assertThat(drops(result)).singleElement().satisfies(d -> {
            assertThat(d.cause()).isSameAs(HdmDecoderRegisters.COMMITTED);
            assertThat(d.setter()).isEqualTo(Provenance.line(7));
        });
        assertThat(device.hostValue(baseLo)).isEqualTo(baseLo.resetValue(device.profile()));
    }

    @Test
    void lockOnCommitAloneClosesTheExecGateAndNamesItsLine() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        write(device, ctrl, 0, Provenance.line(5));
        write(device, ctrl, HdmDecoderRegisters.LOCK_ON_COMMIT.mask(), Provenance.line(6));
        assertThat(field(device, ctrl, "COMMITTED")).isZero();

        AccessResult result = write(device, HdmDecoderRegisters.SIZE_HI, 1, Provenance.line(7));
        assertThat(drops(result)).singleElement().satisfies(d -> {
            assertThat(d.gate()).contains(Gate.DEC0_LOCKED);
            assertThat(d.cause()).isSameAs(HdmDecoderRegisters.LOCK_ON_COMMIT);
            assertThat(d.setter()).isEqualTo(Provenance.line(6));
        });
    }

    // ================================================================ I-SPEC (§2.4)

    @Test
    void ioEnableWrittenZeroIsTakenAndNotedAsDivergingFromTheSpecification() {
        VfioDevice device = device("");
        RegisterDef control = DvsecRegisters.CONTROL;
        long ioEnable = mask(control, "IO_ENABLE");
        long before = device.value(control);
        AccessResult result = write(device, control, before & ~ioEnable, Provenance.line(2));
        assertThat(device.value(control)).isEqualTo(before & ~ioEnable);
        assertThat(drops(result)).isEmpty();
        assertThat(outcomeOf(result, control).specDivergence()).isEqualTo(ioEnable);
    }

    @Test
    void pmInitCompleteClearedByRw1cIsNotedAsDivergingFromTheSpecification() {
        VfioDevice device = device("");
        RegisterDef status2 = DvsecRegisters.STATUS2;
        long pmInitComplete = mask(status2, "PM_INIT_COMPLETE");
        assertThat(device.value(status2) & pmInitComplete).isNotZero();
        AccessResult result = write(device, status2, pmInitComplete, Provenance.line(2));
        assertThat(device.value(status2) & pmInitComplete).isZero();
        assertThat(drops(result)).isEmpty();
        assertThat(outcomeOf(result, status2).specDivergence()).isEqualTo(pmInitComplete);
        assertThat(device.hostValue(status2) & pmInitComplete).isNotZero();
    }

    @Test
    void globalControlReservedBitsAreTakenAndNotedAsDivergingFromTheSpecification() {
        VfioDevice device = device("");
        RegisterDef global = HdmDecoderRegisters.GLOBAL_CTRL;
        long reserved = mask(global, "RSVD");
        long before = device.value(global);
        AccessResult result = write(device, global, before | reserved, Provenance.line(2));
        assertThat(device.value(global)).isEqualTo(before | reserved);
        assertThat(drops(result)).isEmpty();
        assertThat(outcomeOf(result, global).specDivergence()).isEqualTo(reserved);
    }

    @Test
    void uncommitWithLockOnCommitIsNotedAsDivergingFromTheSpecification() {
        VfioDevice device = device("lock_on_commit=true");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        long c = device.value(ctrl);
        long handshake = mask(ctrl, "LOCK_ON_COMMIT", "COMMIT", "COMMITTED");
        assertThat(c & handshake).isEqualTo(handshake);

        AccessResult result = write(device, ctrl, c & ~HdmDecoderRegisters.COMMIT.mask(), Provenance.line(2));

        assertThat(device.value(ctrl) & handshake).isZero();
        assertThat(drops(result)).isEmpty();
        // The hardware (FSM-H) keeps a committed, locked decoder as it is (§5.3, D6).
        assertThat(outcomeOf(result, ctrl).specDivergence()).isEqualTo(handshake);
    }

    @Test
    void uncommitWithoutLockOnCommitAgreesWithTheSpecification() {
        VfioDevice device = device("");
        RegisterDef ctrl = HdmDecoderRegisters.CTRL;
        AccessResult result = write(device, ctrl, device.value(ctrl) & ~HdmDecoderRegisters.COMMIT.mask(), Provenance.line(2));
        assertThat(outcomeOf(result, ctrl).specDivergence()).isZero();
    }

    @Test
    void execDropsThatTheSpecificationWouldAllowAreNotNoted() {
        VfioDevice device = device("");
        // Committed without LOCK_ON_COMMIT: Exec locks the base, Spec (DEC0_SPEC) would take it.
        AccessResult result = write(device, HdmDecoderRegisters.BASE_HI, 0, Provenance.line(2));
        assertThat(drops(result)).isNotEmpty();
        assertThat(outcomeOf(result, HdmDecoderRegisters.BASE_HI).specDivergence()).isZero();
    }

    // ================================================================ DVSEC body widening (§2.3)

    @Test
    void byteWriteToStatus2IsWidenedAndClearsTheOtherBytesOnes() {
        VfioDevice device = device("");
        RegisterDef status2 = DvsecRegisters.STATUS2;
        long pmInitComplete = mask(status2, "PM_INIT_COMPLETE");
        AccessResult result = device.write(Space.CFG, status2.offset(), 1, 0x00, Provenance.line(2));
        assertThat(result.errno()).isNull();
        WriteOutcome o = outcomeOf(result, status2);
        assertThat(o.byteEnables()).isEqualTo(status2.valueMask());
        assertThat(device.value(status2) & pmInitComplete).isZero();
        assertThat(o.specDivergence()).isEqualTo(pmInitComplete);
    }

    @Test
    void dwordWriteToControlReachesOnlyControlAndSpansIntoStatus() {
        VfioDevice device = device("");
        RegisterDef control = DvsecRegisters.CONTROL;
        RegisterDef status = DvsecRegisters.STATUS;
        long c = device.value(control);

        AccessResult silent = device.write(Space.CFG, control.offset(), 4, c, Provenance.line(2));
        assertThat(drops(silent)).isEmpty();

        AccessResult spanned = device.write(Space.CFG, control.offset(), 4, c | (1L << 16), Provenance.line(3));
        WriteOutcome o = outcomeOf(spanned, status);
        assertThat(o.droppedMask()).isEqualTo(1);
        assertThat(o.drops()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.SPAN);
            assertThat(d.field().name()).isEqualTo("RSVD");
        });
        assertThat(device.value(status)).isZero();
    }

    @Test
    void dwordWriteToControl2CannotClearStatus2() {
        VfioDevice device = device("");
        RegisterDef status2 = DvsecRegisters.STATUS2;
        long before = device.value(status2);
        AccessResult result = device.write(Space.CFG, DvsecRegisters.CONTROL2.offset(), 4, before << 16, Provenance.line(2));
        assertThat(device.value(status2)).isEqualTo(before);
        assertThat(outcomeOf(result, status2).drops()).extracting(Drop::reason).containsOnly(DropReason.SPAN);
    }

    @Test
    void dwordAtTheHeaderBoundaryIsSplitAndChangesNothing() {
        VfioDevice device = device("");
        AccessResult result = device.write(Space.CFG, 0x108, 4, 0xFFFF_FFFFL, Provenance.line(2));
        assertThat(result.outcomes()).extracting(o -> o.register().path()).containsExactly("dvsec.hdr2", "dvsec.cap");
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.changedMask()).isZero());
        assertThat(drops(result)).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(device.read(Space.CFG, 0x108, 4).value()).isEqualTo(
                (device.value(DvsecRegisters.CAP) << 16) | device.value(DvsecRegisters.HDR2));
    }

    @Test
    void dwordWriteToLockSpansIntoReadOnlyCap2OnlyWhenItDiffers() {
        VfioDevice device = device("");
        RegisterDef cap2 = DvsecRegisters.CAP2;
        long lock = DvsecRegisters.CONFIG_LOCK.place(1);
        AccessResult same = device.write(Space.CFG, DvsecRegisters.LOCK.offset(), 4, (device.value(cap2) << 16) | lock,
                Provenance.line(2));
        assertThat(drops(same)).isEmpty();
        assertThat(field(device, DvsecRegisters.LOCK, "CONFIG_LOCK")).isEqualTo(1);

        AccessResult differs = device.write(Space.CFG, DvsecRegisters.LOCK.offset(), 4, (~device.value(cap2) & 0xFFFFL) << 16 | lock,
                Provenance.line(3));
        assertThat(outcomeOf(differs, cap2).drops()).extracting(Drop::reason).containsOnly(DropReason.SPAN);
        assertThat(device.value(cap2)).isEqualTo(cap2.resetValue(device.profile()));
    }

    @Test
    void bodyBytesBeyondTheModelledFieldsDropEveryWrite() {
        VfioDevice device = device("");
        RegisterDef cap3 = CATALOG.byPath("dvsec.cap3").orElseThrow();
        AccessResult result = device.write(Space.CFG, cap3.offset(), 4, 0xFFFF_FFFFL, Provenance.line(2));
        assertThat(result.outcomes()).extracting(o -> o.register().path()).containsExactly("dvsec.cap3", "dvsec.rsvd_3a");
        assertThat(drops(result)).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(device.value(cap3)).isZero();
    }
}
