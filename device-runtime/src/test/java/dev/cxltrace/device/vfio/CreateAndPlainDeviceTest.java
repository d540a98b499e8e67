package dev.cxltrace.device.vfio;

import static dev.cxltrace.device.Fixtures.create;
import static dev.cxltrace.device.Fixtures.drops;
import static dev.cxltrace.device.Fixtures.mask;
import static dev.cxltrace.device.Fixtures.outcomeOf;
import static dev.cxltrace.device.Fixtures.reg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.CacheMemRegisters;
import dev.cxltrace.device.catalog.DvsecRegisters;
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
import dev.cxltrace.device.semantics.View;
import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creating a device (REGISTERS.md §5.1), the VFIO view of a CXL-bound device (§6), and the two
 * ways a device ends up plain vfio-pci, {@code cxl=off} and {@code mem_capable=false} (§5.8),
 * where the DVSEC body, the component block behind the BAR and the decoder run the Spec column
 * and FSM-H (§5.3).
 */
class CreateAndPlainDeviceTest {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final Provenance LINE = Provenance.line(4);

    // ---------------------------------------------------------------- helpers

    private static ProfileBuilder.Result build(String... nameValuePairs) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            assertThat(b.set(nameValuePairs[i], nameValuePairs[i + 1])).as("set %s", nameValuePairs[i]).isEmpty();
        }
        return b.build();
    }

    private static DeviceProfile profile(String... nameValuePairs) {
        ProfileBuilder.Result r = build(nameValuePairs);
        assertThat(r.errors()).isEmpty();
        return r.profile();
    }

    /** A profile from a comma-separated list of {@code name=value}; empty for the default. */
    private static DeviceProfile parse(String assignments) {
        if (assignments == null || assignments.isBlank()) {
            return DeviceProfile.type2();
        }
        String[] parts = assignments.trim().split("\\s+");
        String[] pairs = new String[2 * parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] nv = parts[i].split("=", 2);
            pairs[2 * i] = nv[0];
            pairs[2 * i + 1] = nv[1];
        }
        return profile(pairs);
    }


    private static VfioDevice plain(String mode, String... more) {
        String[] pairs = new String[2 + more.length];
        pairs[0] = mode.equals("cxl=off") ? "cxl" : "mem_capable";
        pairs[1] = mode.equals("cxl=off") ? "off" : "false";
        System.arraycopy(more, 0, pairs, 2, more.length);
        VfioDevice d = create(profile(pairs));
        assertThat(d.cxlBound()).isFalse();
        return d;
    }



    private static AccessResult write(VfioDevice d, Space space, long offset, int bytes, long value) {
        AccessResult r = d.write(space, offset, bytes, value, LINE);
        assertThat(r.errno()).as("w%d %s 0x%x", 8 * bytes, space, offset).isNull();
        return r;
    }

    private static long read(VfioDevice d, Space space, long offset, int bytes) {
        AccessResult r = d.read(space, offset, bytes);
        assertThat(r.errno()).as("r%d %s 0x%x", 8 * bytes, space, offset).isNull();
        return r.value();
    }



    // ---------------------------------------------------------------- create errnos, in the kernel's order (§5.1)

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(nullValues = "none", value = {
            "'', none",
            "decoders=2, EOPNOTSUPP",
            "decoders=10, EOPNOTSUPP",
            "bar_size=64K comp_offset=0x10000, ENXIO",
            "comp_offset=0x100000, ENXIO",
            "comp_offset=0xF0000 bar_size=512K, ENXIO",
            "firmware_committed=false, EOPNOTSUPP",
            "iw=1, EOPNOTSUPP",
            "iw=10, EOPNOTSUPP",
            "hpa_busy=true, EBUSY",
            // each pair below names two failures whose errnos differ; the earlier step wins
            "decoders=2 bar_size=64K comp_offset=0x10000, EOPNOTSUPP",
            "decoders=2 hpa_busy=true, EOPNOTSUPP",
            "bar_size=64K comp_offset=0x10000 firmware_committed=false, ENXIO",
            "bar_size=64K comp_offset=0x10000 iw=1, ENXIO",
            "bar_size=64K comp_offset=0x10000 hpa_busy=true, ENXIO",
            "firmware_committed=false hpa_busy=true, EOPNOTSUPP",
            "iw=2 hpa_busy=true, EOPNOTSUPP",
            "decoders=4 bar_size=64K comp_offset=0x10000 firmware_committed=false iw=3 hpa_busy=true, EOPNOTSUPP",
            "bar_size=64K comp_offset=0x10000 firmware_committed=false iw=3 hpa_busy=true, ENXIO"})
    void createFailsAtTheFirstFailingStepOfTheBind(String assignments, Errno expected) {
        Creation c = VfioDevice.create(parse(assignments));

        assertThat(c.errno()).isEqualTo(expected);
        assertThat(c.ok()).isEqualTo(expected == null);
        assertThat(c.device() == null).isEqualTo(expected != null);
    }

    @Test
    void blockThatExactlyFillsTheBarFits() {
        assertThat(VfioDevice.create(profile("bar_size", "64K", "comp_offset", "0")).errno()).isNull();
        assertThat(VfioDevice.create(profile("comp_offset", "0xF0000")).errno()).isNull();
    }

    @ParameterizedTest(name = "[{0}] on a plain device")
    @ValueSource(strings = {
            "firmware_committed=false",
            "iw=1",
            "hpa_busy=true",
            "bar_size=64K comp_offset=0x10000",
            "bar_size=4K",
            "firmware_committed=false iw=3 hpa_busy=true bar_size=4K"})
    void plainDeviceSkipsEveryBindCheck(String assignments) {
        for (String mode : List.of("cxl=off", "mem_capable=false")) {
            Creation c = VfioDevice.create(parse(mode + " " + assignments));
            assertThat(c.errno()).as(mode).isNull();
            assertThat(c.device().cxlBound()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void moreThanOneDecoderOnAPlainDeviceIsAProfileError(String mode) {
        String[] nv = mode.split("=");
        ProfileBuilder.Result r = build(nv[0], nv[1], "decoders", "2");

        assertThat(r.ok()).isFalse();
        assertThat(r.profile()).isNull();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0)).contains("decoders=2");
    }

    // ---------------------------------------------------------------- the VFIO view of a CXL-bound device (§6)

    @Test
    void deviceInfoOfABoundDevice() {
        DeviceInfo info = create(DeviceProfile.type2()).info();

        assertThat(info.flags()).isEqualTo(0x283);
        assertThat(info.flagCxl()).isTrue();
        assertThat(info.numRegions()).isEqualTo(11);
        assertThat(info.numIrqs()).isEqualTo(5);
        assertThat(info.cxlCapability()).isTrue();
        assertThat(info.capId()).isEqualTo(6);
        assertThat(info.capVersion()).isEqualTo(1);
        assertThat(info.cxlFlags()).isEqualTo(1);
        assertThat(info.hostFirmwareCommitted()).isTrue();
        assertThat(info.hdmRegionIdx()).isEqualTo(10);
        assertThat(info.compRegRegionIdx()).isEqualTo(9);
        assertThat(info.compRegBar()).isEqualTo(0);
        assertThat(info.compRegOffset()).isEqualTo(0);
        assertThat(info.compRegSize()).isEqualTo(0x10000);
    }

    @Test
    void capabilityNamesTheProfilesComponentBarAndOffset() {
        DeviceInfo info = create(profile("comp_bar", "2", "comp_offset", "0x40000")).info();

        assertThat(info.compRegBar()).isEqualTo(2);
        assertThat(info.compRegOffset()).isEqualTo(0x40000);
        assertThat(info.compRegSize()).isEqualTo(0x10000);
    }

    @Test
    void regionsOfABoundDevice() {
        VfioDevice d = create(DeviceProfile.type2());

        RegionInfo bar0 = d.region(0).orElseThrow();
        assertThat(bar0.offset()).isZero();
        assertThat(bar0.size()).isEqualTo(0x100000);
        assertThat(bar0.flags()).isEqualTo(0x0F);
        assertThat(bar0.sparseAreas()).containsExactly(new SparseMmapArea(0x10000, 0xF0000));
        for (int n = 1; n <= 5; n++) {
            RegionInfo bar = d.region(n).orElseThrow();
            assertThat(bar.offset()).as("bar%d", n).isEqualTo((long) n << 40);
            assertThat(bar.size()).isZero();
            assertThat(bar.flags()).isZero();
            assertThat(bar.sparseAreas()).isEmpty();
        }
        RegionInfo rom = d.region(6).orElseThrow();
        assertThat(rom.offset()).isEqualTo(0x600_0000_0000L);
        assertThat(rom.size()).isZero();
        assertThat(rom.flags()).isZero();
        RegionInfo cfg = d.region(7).orElseThrow();
        assertThat(cfg.offset()).isEqualTo(0x700_0000_0000L);
        assertThat(cfg.size()).isEqualTo(0x1000);
        assertThat(cfg.flags()).isEqualTo(0x03);
        assertThat(d.region(8)).as("VGA: GET_REGION_INFO answers EINVAL").isEmpty();
        RegionInfo comp = d.region(9).orElseThrow();
        assertThat(comp.offset()).isEqualTo(0x900_0000_0000L);
        assertThat(comp.size()).isEqualTo(0x10000);
        assertThat(comp.flags()).isEqualTo(0x0B);
        assertThat(comp.mmappable()).isFalse();
        assertThat(comp.type()).isEqualTo(0x8000_1E98L);
        assertThat(comp.subtype()).isEqualTo(2);
        RegionInfo hdm = d.region(10).orElseThrow();
        assertThat(hdm.offset()).isEqualTo(0xA00_0000_0000L);
        assertThat(hdm.size()).isEqualTo(256L << 20);
        assertThat(hdm.flags()).isEqualTo(0x0F);
        assertThat(hdm.type()).isEqualTo(0x8000_1E98L);
        assertThat(hdm.subtype()).isEqualTo(1);
        assertThat(d.region(11)).isEmpty();
        assertThat(d.region(-1)).isEmpty();
    }

    @Test
    void regionsByNameAgreeWithRegionsByIndex() {
        VfioDevice d = create(DeviceProfile.type2());

        assertThat(d.region(Space.CFG)).isEqualTo(d.region(7).orElseThrow());
        assertThat(d.region(Space.COMP)).isEqualTo(d.region(d.info().compRegRegionIdx()).orElseThrow());
        assertThat(d.region(Space.HDM)).isEqualTo(d.region(d.info().hdmRegionIdx()).orElseThrow());
        assertThat(d.region(Space.BAR3)).isEqualTo(d.region(3).orElseThrow());
    }

    @Test
    void regionsFollowTheProfile() {
        VfioDevice d = create(profile("comp_bar", "4", "hdm_size", "1G", "bar_size", "2M"));

        RegionInfo bar4 = d.region(4).orElseThrow();
        assertThat(bar4.offset()).isEqualTo(4L << 40);
        assertThat(bar4.size()).isEqualTo(2L << 20);
        assertThat(bar4.flags()).isEqualTo(0x0F);
        assertThat(d.region(0).orElseThrow().size()).isZero();
        assertThat(d.region(0).orElseThrow().flags()).isZero();
        assertThat(d.region(10).orElseThrow().size()).isEqualTo(1L << 30);
    }

    // ---------------------------------------------------------------- plain devices: the VFIO view (§5.8, §6)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void plainDeviceInfoHasNoCxl(String mode) {
        DeviceInfo info = plain(mode).info();

        assertThat(info.flags()).isEqualTo(0x0003);
        assertThat(info.flagCxl()).isFalse();
        assertThat(info.numRegions()).isEqualTo(9);
        assertThat(info.numIrqs()).isEqualTo(5);
        assertThat(info.cxlCapability()).isFalse();
        assertThat(info.hostFirmwareCommitted()).isFalse();
        assertThat(List.of(info.capId(), info.capVersion(), info.cxlFlags(), info.hdmRegionIdx(),
                info.compRegRegionIdx(), info.compRegBar())).containsOnly(0);
        assertThat(info.compRegOffset()).isZero();
        assertThat(info.compRegSize()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void plainDeviceHasNoComponentOrHdmRegion(String mode) {
        VfioDevice d = plain(mode);

        for (Space s : List.of(Space.COMP, Space.HDM)) {
            RegionInfo r = d.region(s);
            assertThat(r.offset()).as(s.canonicalName()).isZero();
            assertThat(r.size()).isZero();
            assertThat(r.flags()).isZero();
        }
        assertThat(d.region(9)).isEmpty();
        assertThat(d.region(10)).isEmpty();
        assertThat(d.region(8)).isEmpty();
        assertThat(d.region(7).orElseThrow().size()).isEqualTo(0x1000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void plainDeviceRefusesComponentAndHdmAccesses(String mode) {
        VfioDevice d = plain(mode);

        assertThat(d.read(Space.COMP, 0x1000, 4).errno()).isEqualTo(Errno.EINVAL);
        assertThat(d.write(Space.COMP, 0x1030, 4, 0x400, LINE).errno()).isEqualTo(Errno.EINVAL);
        assertThat(d.read(Space.COMP, 0x1000, 8).errno()).isEqualTo(Errno.EINVAL);
        assertThat(d.read(Space.HDM, 0, 4).errno()).isEqualTo(Errno.EINVAL);
        assertThat(d.write(Space.HDM, 0, 8, 1, LINE).errno()).isEqualTo(Errno.EINVAL);
        assertThat(d.value(HdmDecoderRegisters.CTRL)).isEqualTo(d.hostValue(HdmDecoderRegisters.CTRL));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void plainComponentBarIsWhollyMappable(String mode) {
        VfioDevice d = plain(mode);
        RegionInfo bar = d.region(Space.BAR0);

        assertThat(bar.flags()).isEqualTo(0x07);
        assertThat(bar.sparseAreas()).isEmpty();
        assertThat(bar.size()).isEqualTo(d.profile().barSize());
        assertThat(bar.offset()).isZero();
    }

    @Test
    void memCapableFalseShowsInTheDvsecCapability() {
        VfioDevice d = plain("mem_capable=false");

        assertThat(d.value(DvsecRegisters.CAP) & DvsecRegisters.MEM_CAPABLE.mask()).isZero();
        assertThat(read(d, Space.CFG, DvsecRegisters.CAP.offset(), 2)).isEqualTo(d.value(DvsecRegisters.CAP));
    }

    // ---------------------------------------------------------------- plain devices: DVSEC body with Spec (§5.8)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void plainDvsecBodyExecutesSpec(String mode) {
        VfioDevice d = plain(mode);
        for (RegisterDef r : CATALOG.registers()) {
            boolean body = r.space() == Space.CFG && r.offset() >= DvsecRegisters.BODY_START && r.offset() < DvsecRegisters.END;
            boolean window = r.space() == Space.COMP;
            assertThat(d.viewOf(r)).as(r.path()).isEqualTo(body || window ? View.SPEC : View.EXEC);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void ioEnableIsReadOnlyOnAPlainDevice(String mode) {
        VfioDevice d = plain(mode);
        long ioEnable = mask(DvsecRegisters.CONTROL, "IO_ENABLE");
        long before = d.value(DvsecRegisters.CONTROL);

        AccessResult r = write(d, Space.CFG, DvsecRegisters.CONTROL.offset(), 2, before & ~ioEnable);

        WriteOutcome o = outcomeOf(r, DvsecRegisters.CONTROL);
        assertThat(d.value(DvsecRegisters.CONTROL)).isEqualTo(before);
        assertThat(o.droppedMask()).isEqualTo(ioEnable);
        assertThat(o.drops()).extracting(Drop::reason).containsExactly(DropReason.READ_ONLY);
        assertThat(o.specDivergence()).isZero();
    }

    @Test
    void ioEnableTakesInTheShadowOfABoundDevice() {
        VfioDevice d = create(DeviceProfile.type2());
        long ioEnable = mask(DvsecRegisters.CONTROL, "IO_ENABLE");

        write(d, Space.CFG, DvsecRegisters.CONTROL.offset(), 2, d.value(DvsecRegisters.CONTROL) & ~ioEnable);

        assertThat(d.value(DvsecRegisters.CONTROL) & ioEnable).isZero();
    }

    @Test
    void byteWriteToStatus2OnAPlainDeviceIsNotWidened() {
        VfioDevice d = plain("cxl=off");
        long before = d.value(DvsecRegisters.STATUS2);
        assertThat(before).isNotZero();

        AccessResult r = write(d, Space.CFG, DvsecRegisters.STATUS2.offset(), 1, 0x00);

        assertThat(d.value(DvsecRegisters.STATUS2)).isEqualTo(before);
        assertThat(outcomeOf(r, DvsecRegisters.STATUS2).byteEnables()).isEqualTo(0xFF);
        assertThat(drops(r)).isEmpty();
    }

    @Test
    void pmInitCompleteIsReadOnlyOnAPlainDevice() {
        VfioDevice d = plain("cxl=off");
        long pm = mask(DvsecRegisters.STATUS2, "PM_INIT_COMPLETE");

        write(d, Space.CFG, DvsecRegisters.STATUS2.offset(), 2, pm);

        assertThat(d.value(DvsecRegisters.STATUS2) & pm).isNotZero();
    }

    @Test
    void dwordWriteAt10cOnAPlainDeviceReachesStatusPerFieldWithoutSpan() {
        VfioDevice d = plain("cxl=off");
        long control = d.value(DvsecRegisters.CONTROL);

        AccessResult r = write(d, Space.CFG, DvsecRegisters.CONTROL.offset(), 4, (0x0001L << 16) | control);

        WriteOutcome status = outcomeOf(r, DvsecRegisters.STATUS);
        assertThat(status.byteEnables()).isEqualTo(0xFFFF);
        assertThat(status.drops()).extracting(Drop::reason).containsOnly(DropReason.RESERVED);
        assertThat(status.drops()).extracting(Drop::attribute).containsOnly(Attribute.RSVD_Z);
        assertThat(drops(r)).extracting(Drop::reason).doesNotContain(DropReason.SPAN);
    }

    @Test
    void initiateCacheWbiReadsZeroOnAPlainDevice() {
        VfioDevice d = plain("cxl=off");
        long wbi = mask(DvsecRegisters.CONTROL2, "INITIATE_CACHE_WBI");
        long disable = mask(DvsecRegisters.CONTROL2, "DISABLE_CACHING");

        AccessResult r = write(d, Space.CFG, DvsecRegisters.CONTROL2.offset(), 2, wbi | disable);

        assertThat(d.value(DvsecRegisters.CONTROL2)).isEqualTo(disable);
        assertThat(drops(r)).isEmpty();
    }

    @Test
    void rangeBasesAreWritableOnAPlainDeviceUntilConfigLock() {
        VfioDevice d = plain("cxl=off");
        long next = d.value(DvsecRegisters.RANGE1_BASE_HI) + 1;

        AccessResult open = write(d, Space.CFG, DvsecRegisters.RANGE1_BASE_HI.offset(), 4, next);
        assertThat(drops(open)).isEmpty();
        assertThat(d.value(DvsecRegisters.RANGE1_BASE_HI)).isEqualTo(next);

        write(d, Space.CFG, DvsecRegisters.LOCK.offset(), 2, DvsecRegisters.CONFIG_LOCK.mask());
        AccessResult locked = write(d, Space.CFG, DvsecRegisters.RANGE1_BASE_HI.offset(), 4, next + 1);

        assertThat(d.value(DvsecRegisters.RANGE1_BASE_HI)).isEqualTo(next);
        assertThat(drops(locked)).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(drops(locked)).extracting(Drop::gate).containsOnly(Optional.of(Gate.CONFIG_LOCK));
        assertThat(drops(locked)).extracting(Drop::setter).containsOnly(LINE);
    }

    @Test
    void rangeSizesStayReadOnlyOnAPlainDevice() {
        VfioDevice d = plain("cxl=off");
        long before = d.value(DvsecRegisters.RANGE1_SIZE_LO);

        AccessResult r = write(d, Space.CFG, DvsecRegisters.RANGE1_SIZE_LO.offset(), 4, before ^ 0x1);

        assertThat(d.value(DvsecRegisters.RANGE1_SIZE_LO)).isEqualTo(before);
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(drops(r)).extracting(Drop::attribute).containsOnly(Attribute.RO);
    }

    @Test
    void configLockFreezesTheRwlControlFieldsButNotControl2OnAPlainDevice() {
        VfioDevice d = plain("cxl=off", "config_lock", "true");
        long control = d.value(DvsecRegisters.CONTROL);
        long memEnable = mask(DvsecRegisters.CONTROL, "MEM_ENABLE");
        long disable = mask(DvsecRegisters.CONTROL2, "DISABLE_CACHING");

        AccessResult r = write(d, Space.CFG, DvsecRegisters.CONTROL.offset(), 2, control & ~memEnable);
        AccessResult r2 = write(d, Space.CFG, DvsecRegisters.CONTROL2.offset(), 2, disable);

        assertThat(d.value(DvsecRegisters.CONTROL)).isEqualTo(control);
        assertThat(drops(r)).extracting(Drop::field).containsExactly(DvsecRegisters.CONTROL.field("MEM_ENABLE").orElseThrow());
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(drops(r)).extracting(Drop::cause).containsOnly(DvsecRegisters.CONFIG_LOCK);
        assertThat(drops(r)).extracting(Drop::setter).containsOnly(Provenance.parameter("config_lock"));
        assertThat(drops(r2)).as("control2 is RW in the specification").isEmpty();
        assertThat(d.value(DvsecRegisters.CONTROL2)).isEqualTo(disable);
    }

    @Test
    void configLockFreezesAllOfControl2OnABoundDevice() {
        VfioDevice d = create(profile("config_lock", "true"));

        AccessResult r = write(d, Space.CFG, DvsecRegisters.CONTROL2.offset(), 2,
                mask(DvsecRegisters.CONTROL2, "DISABLE_CACHING"));

        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(d.value(DvsecRegisters.CONTROL2)).isZero();
    }

    @Test
    void configLockIsWriteOnceOnAPlainDevice() {
        VfioDevice d = plain("cxl=off");
        write(d, Space.CFG, DvsecRegisters.LOCK.offset(), 2, DvsecRegisters.CONFIG_LOCK.mask());

        AccessResult r = write(d, Space.CFG, DvsecRegisters.LOCK.offset(), 2, 0);

        assertThat(d.value(DvsecRegisters.LOCK) & DvsecRegisters.CONFIG_LOCK.mask()).isNotZero();
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.LATCHED);
    }

    // ---------------------------------------------------------------- plain devices: the component block in the BAR (§5.7, §5.8)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void componentBlockIsReadThroughTheBarAtAnyWidthAndAlignment(String mode) {
        VfioDevice d = plain(mode);
        long capHdr = d.value(CacheMemRegisters.CAP_HDR);
        long hdmCapHdr = d.value(CacheMemRegisters.HDM_CAP_HDR);
        long ctrl = d.value(HdmDecoderRegisters.CTRL);

        assertThat(read(d, Space.BAR0, 0x1000, 4)).isEqualTo(capHdr);
        assertThat(read(d, Space.BAR0, 0x1000, 8)).isEqualTo(capHdr | (hdmCapHdr << 32));
        assertThat(read(d, Space.BAR0, 0x1001, 1)).isEqualTo((capHdr >>> 8) & 0xFF);
        assertThat(read(d, Space.BAR0, 0x1002, 4)).isEqualTo((capHdr >>> 16) | ((hdmCapHdr & 0xFFFF) << 16));
        assertThat(read(d, Space.BAR0, 0x1031, 2)).isEqualTo((ctrl >>> 8) & 0xFFFF);
        assertThat(read(d, Space.BAR0, 0x0, 8)).isZero();
    }

    @Test
    void componentBlockSitsAtCompOffsetOfCompBar() {
        VfioDevice d = plain("cxl=off", "comp_bar", "2", "comp_offset", "0x40000");

        assertThat(read(d, Space.BAR2, 0x41000, 4)).isEqualTo(d.value(CacheMemRegisters.CAP_HDR));
        assertThat(read(d, Space.BAR2, 0x41030, 4)).isEqualTo(d.value(HdmDecoderRegisters.CTRL));
        assertThat(read(d, Space.BAR2, 0x1000, 4)).as("scratch before the window").isZero();
        assertThat(d.read(Space.BAR0, 0x41000, 4).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void accessStraddlingTheWindowEdgeSplitsIntoScratchAndRegisters() {
        VfioDevice d = plain("cxl=off", "comp_offset", "0x40000");
        write(d, Space.BAR0, 0x3fffc, 4, 0xAABB_CCDDL);

        assertThat(read(d, Space.BAR0, 0x3fffc, 8)).isEqualTo(0xAABB_CCDDL);
        AccessResult r = write(d, Space.BAR0, 0x3fffe, 4, 0x0000_1122L);
        assertThat(read(d, Space.BAR0, 0x3fffc, 4)).isEqualTo(0x1122_CCDDL);
        assertThat(r.outcomes()).as("the window bytes were zero: silent").isEmpty();
    }

    @Test
    void scratchOutsideTheWindowOfAPlainBarIsMemory() {
        VfioDevice d = plain("cxl=off");

        AccessResult r = write(d, Space.BAR0, 0x20000, 8, 0x0102_0304_0506_0708L);

        assertThat(r.outcomes()).isEmpty();
        assertThat(read(d, Space.BAR0, 0x20000, 8)).isEqualTo(0x0102_0304_0506_0708L);
    }

    @Test
    void capabilityArrayWriteThroughThePlainBarIsDroppedAsReadOnly() {
        VfioDevice d = plain("cxl=off");
        long capHdr = d.value(CacheMemRegisters.CAP_HDR);

        AccessResult r = write(d, Space.BAR0, 0x1000, 1, (capHdr & 0xFF) ^ 0x01);

        WriteOutcome o = outcomeOf(r, CacheMemRegisters.CAP_HDR);
        assertThat(o.byteEnables()).isEqualTo(0xFF);
        assertThat(o.droppedMask()).isEqualTo(0x01);
        assertThat(d.value(CacheMemRegisters.CAP_HDR)).isEqualTo(capHdr);
    }

    @Test
    void baseAndSizeAreWritableThroughThePlainBarWhileTheDecoderIsNotLocked() {
        // FSM-H locks only on LOCK_ON_COMMIT and COMMITTED; the default profile leaves LOCK_ON_COMMIT 0.
        VfioDevice d = plain("cxl=off");
        long baseLow = mask(HdmDecoderRegisters.BASE_LO, "MEMORY_BASE_LOW");

        AccessResult r = write(d, Space.BAR0, HdmDecoderRegisters.BASE_LO.offset() + 3, 1, 0x30);

        assertThat(drops(r)).isEmpty();
        assertThat(d.value(HdmDecoderRegisters.BASE_LO) & baseLow).isEqualTo(0x3000_0000L);
        WriteOutcome o = outcomeOf(r, HdmDecoderRegisters.BASE_LO);
        assertThat(o.byteEnables()).isEqualTo(0xFF00_0000L);
    }

    @Test
    void reservedBitsOfBaseLoAreKeptOnAPlainDevice() {
        VfioDevice d = plain("cxl=off");

        AccessResult r = write(d, Space.BAR0, HdmDecoderRegisters.BASE_LO.offset(), 4, 0x0000_0001L);

        assertThat(d.value(HdmDecoderRegisters.BASE_LO) & 1).isZero();
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.RESERVED);
    }

    // ---------------------------------------------------------------- plain devices: FSM-H (§5.3)

    @Test
    void lockedDecoderDropsCtrlBaseSizeAndDpaSkipNamingDec0Spec() {
        VfioDevice d = plain("cxl=off", "lock_on_commit", "true");
        long ctrl = d.value(HdmDecoderRegisters.CTRL);
        assertThat(ctrl).isEqualTo(0x700);   // the firmware value of §4.3 with lock_on_commit

        for (RegisterDef r : List.of(HdmDecoderRegisters.CTRL, HdmDecoderRegisters.BASE_LO, HdmDecoderRegisters.BASE_HI,
                HdmDecoderRegisters.SIZE_LO, HdmDecoderRegisters.SIZE_HI, HdmDecoderRegisters.DPA_SKIP_LO,
                HdmDecoderRegisters.DPA_SKIP_HI)) {
            long before = d.value(r);
            long v = r == HdmDecoderRegisters.CTRL ? before & ~HdmDecoderRegisters.COMMIT.mask() : before ^ 0x1000_0000L;

            AccessResult result = write(d, Space.BAR0, r.offset(), 4, v);

            assertThat(d.value(r)).as(r.path()).isEqualTo(before);
            assertThat(drops(result)).as(r.path()).isNotEmpty();
            assertThat(drops(result)).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
            assertThat(drops(result)).extracting(Drop::gate).containsOnly(Optional.of(Gate.DEC0_SPEC));
            assertThat(drops(result)).extracting(Drop::cause).containsOnly(HdmDecoderRegisters.LOCK_ON_COMMIT);
            assertThat(drops(result)).extracting(Drop::setter).containsOnly(Provenance.parameter("lock_on_commit"));
        }
    }

    @Test
    void unlockedDecoderTakesRwlFieldsAndCommitDrivesCommitted() {
        VfioDevice d = plain("cxl=off");
        long commit = HdmDecoderRegisters.COMMIT.mask();
        long committed = HdmDecoderRegisters.COMMITTED.mask();
        long ig = mask(HdmDecoderRegisters.CTRL, "IG");
        long ctrl = HdmDecoderRegisters.CTRL.offset();

        AccessResult uncommit = write(d, Space.BAR0, ctrl, 4, d.value(HdmDecoderRegisters.CTRL) & ~commit);
        assertThat(d.value(HdmDecoderRegisters.CTRL) & (commit | committed)).isZero();
        assertThat(drops(uncommit)).isEmpty();

        AccessResult commitWrite = write(d, Space.BAR0, ctrl, 4, commit | (ig & 0x3));
        assertThat(d.value(HdmDecoderRegisters.CTRL)).isEqualTo(commit | committed | (ig & 0x3));
        assertThat(drops(commitWrite)).isEmpty();
        assertThat(d.hostValue(HdmDecoderRegisters.CTRL)).isEqualTo(d.value(HdmDecoderRegisters.CTRL));
    }

    @Test
    void uncommittedHardwareDecoderRefusesReadOnlyCtrlFieldsByAttribute() {
        VfioDevice d = plain("cxl=off");
        long ctrl = HdmDecoderRegisters.CTRL.offset();
        write(d, Space.BAR0, ctrl, 4, 0);
        long targetType = mask(HdmDecoderRegisters.CTRL, "TARGET_TYPE");
        long err = HdmDecoderRegisters.ERR_NOT_COMMITTED.mask();

        AccessResult r = write(d, Space.BAR0, ctrl, 4, targetType | err);

        assertThat(d.value(HdmDecoderRegisters.CTRL)).isZero();
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(drops(r)).extracting(Drop::field).containsExactlyInAnyOrder(
                HdmDecoderRegisters.ERR_NOT_COMMITTED, HdmDecoderRegisters.CTRL.field("TARGET_TYPE").orElseThrow());
    }

    @Test
    void committedUnlockedHardwareDecoderReportsRefusedBitsAsWFsm() {
        // §5.2's warning rule applies to FSM-DEC and FSM-H alike: W-FSM when c.COMMITTED = 1.
        VfioDevice d = plain("cxl=off");
        long targetType = mask(HdmDecoderRegisters.CTRL, "TARGET_TYPE");
        long before = d.value(HdmDecoderRegisters.CTRL);

        AccessResult r = write(d, Space.BAR0, HdmDecoderRegisters.CTRL.offset(), 4, before | targetType);

        assertThat(d.value(HdmDecoderRegisters.CTRL)).isEqualTo(before);
        assertThat(drops(r)).extracting(Drop::reason).containsOnly(DropReason.DECODER_COMMITTED);
        assertThat(drops(r)).extracting(Drop::mask).containsExactly(targetType);
    }

    @Test
    void byteWriteToCtrlThroughThePlainBarKeepsTheBytesItDoesNotCover() {
        // §5.7: each covered register is written with the byte enables of the access, so a byte
        // write of IG/IW must not read as COMMIT=0 and uncommit the decoder.
        VfioDevice d = plain("cxl=off");
        long before = d.value(HdmDecoderRegisters.CTRL);
        long ig = mask(HdmDecoderRegisters.CTRL, "IG");
        long iw = mask(HdmDecoderRegisters.CTRL, "IW");
        long low = (0x3 & ig) | (0x10 & iw);

        AccessResult r = write(d, Space.BAR0, HdmDecoderRegisters.CTRL.offset(), 1, low);

        assertThat(d.value(HdmDecoderRegisters.CTRL)).isEqualTo((before & ~0xFFL) | low);
        WriteOutcome o = outcomeOf(r, HdmDecoderRegisters.CTRL);
        assertThat(o.byteEnables()).isEqualTo(0xFF);
        assertThat(o.drops()).isEmpty();
    }

    @Test
    void byteWriteOfCommitZeroThroughThePlainBarUncommits() {
        VfioDevice d = plain("cxl=off");
        long commit = HdmDecoderRegisters.COMMIT.mask();
        long committed = HdmDecoderRegisters.COMMITTED.mask();
        long before = d.value(HdmDecoderRegisters.CTRL);

        AccessResult r = write(d, Space.BAR0, HdmDecoderRegisters.CTRL.offset() + 1, 1, ((before & ~commit) >>> 8) & 0xFF);

        assertThat(d.value(HdmDecoderRegisters.CTRL) & (commit | committed)).isZero();
        assertThat(outcomeOf(r, HdmDecoderRegisters.CTRL).byteEnables()).isEqualTo(0xFF00);
        assertThat(drops(r)).isEmpty();
    }

    // ---------------------------------------------------------------- plain devices: one copy (§1.3)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cxl=off", "mem_capable=false"})
    void hostValueIsTheRegisterOnAPlainDevice(String mode) {
        VfioDevice d = plain(mode);
        write(d, Space.CFG, DvsecRegisters.CONTROL.offset(), 2, 0x0003);
        write(d, Space.CFG, DvsecRegisters.LOCK.offset(), 2, 0x0001);
        write(d, Space.BAR0, HdmDecoderRegisters.CTRL.offset(), 4, 0);
        write(d, Space.BAR0, HdmDecoderRegisters.BASE_HI.offset(), 4, 0x77);
        write(d, Space.BAR0, HdmDecoderRegisters.GLOBAL_CTRL.offset(), 4, 0);

        for (RegisterDef r : CATALOG.registers()) {
            assertThat(d.hostValue(r)).as(r.path()).isEqualTo(d.value(r));
        }
        assertThat(d.hostValue(HdmDecoderRegisters.BASE_HI)).isEqualTo(0x77);
    }
}
