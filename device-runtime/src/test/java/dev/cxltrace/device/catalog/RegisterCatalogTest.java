package dev.cxltrace.device.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.vfio.Creation;
import dev.cxltrace.device.vfio.VfioDevice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog's transcription of REGISTERS.md §3 and §4. The tables below state the
 * specification's literal values once (STYLE.md §5), so a mistyped field in the catalog cannot
 * agree with itself.
 */
class RegisterCatalogTest {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();

    /**
     * Every register of REGISTERS.md §3.2–§3.6, §4.2, §4.3 with its space, offset (absolute in
     * {@code cfg}, from the block start in {@code comp}), width in bits and its value in the
     * built-in {@code type2} profile.
     */
    static final String REGISTERS = """
            pci.vendor_id,            cfg,  0x000, 16, 0x1234
            pci.device_id,            cfg,  0x002, 16, 0x7C02
            pci.command,              cfg,  0x004, 16, 0x0002
            pci.status,               cfg,  0x006, 16, 0x0010
            pci.class_rev,            cfg,  0x008, 32, 0x12000001
            pci.cache_line,           cfg,  0x00c,  8, 0x00
            pci.latency,              cfg,  0x00d,  8, 0x00
            pci.header_type,          cfg,  0x00e,  8, 0x00
            pci.bist,                 cfg,  0x00f,  8, 0x00
            pci.bar0,                 cfg,  0x010, 32, 0x00000000
            pci.bar1,                 cfg,  0x014, 32, 0x00000000
            pci.bar2,                 cfg,  0x018, 32, 0x00000000
            pci.bar3,                 cfg,  0x01c, 32, 0x00000000
            pci.bar4,                 cfg,  0x020, 32, 0x00000000
            pci.bar5,                 cfg,  0x024, 32, 0x00000000
            pci.cardbus_cis,          cfg,  0x028, 32, 0x00000000
            pci.subsys_vendor_id,     cfg,  0x02c, 16, 0x1234
            pci.subsys_id,            cfg,  0x02e, 16, 0x0001
            pci.rom,                  cfg,  0x030, 32, 0x00000000
            pci.cap_ptr,              cfg,  0x034,  8, 0x40
            pci.rsvd_35,              cfg,  0x035, 56, 0x00
            pci.int_line,             cfg,  0x03c,  8, 0x00
            pci.int_pin,              cfg,  0x03d,  8, 0x01
            pci.min_gnt,              cfg,  0x03e,  8, 0x00
            pci.max_lat,              cfg,  0x03f,  8, 0x00
            pcie.cap_hdr,             cfg,  0x040, 16, 0x0010
            pcie.flags,               cfg,  0x042, 16, 0x0002
            pcie.devcap,              cfg,  0x044, 32, 0x10008001
            pcie.devctl,              cfg,  0x048, 16, 0x2810
            pcie.devsta,              cfg,  0x04a, 16, 0x0000
            pcie.lnkcap,              cfg,  0x04c, 32, 0x00000105
            pcie.lnkctl,              cfg,  0x050, 16, 0x0000
            pcie.lnksta,              cfg,  0x052, 16, 0x0105
            pcie.devcap2,             cfg,  0x064, 32, 0x00000000
            pcie.devctl2,             cfg,  0x068, 16, 0x0000
            pcie.devsta2,             cfg,  0x06a, 16, 0x0000
            pcie.lnkcap2,             cfg,  0x06c, 32, 0x0000003E
            pcie.lnkctl2,             cfg,  0x070, 16, 0x0005
            pcie.lnksta2,             cfg,  0x072, 16, 0x0000
            dvsec.ecap_hdr,           cfg,  0x100, 32, 0x14010023
            dvsec.hdr1,               cfg,  0x104, 32, 0x03C31E98
            dvsec.hdr2,               cfg,  0x108, 16, 0x0000
            dvsec.cap,                cfg,  0x10a, 16, 0xC05F
            dvsec.control,            cfg,  0x10c, 16, 0x0007
            dvsec.status,             cfg,  0x10e, 16, 0x0000
            dvsec.control2,           cfg,  0x110, 16, 0x0000
            dvsec.status2,            cfg,  0x112, 16, 0x8000
            dvsec.lock,               cfg,  0x114, 16, 0x0000
            dvsec.cap2,               cfg,  0x116, 16, 0x0000
            dvsec.range1_size_hi,     cfg,  0x118, 32, 0x00000000
            dvsec.range1_size_lo,     cfg,  0x11c, 32, 0x1000004B
            dvsec.range1_base_hi,     cfg,  0x120, 32, 0x00000040
            dvsec.range1_base_lo,     cfg,  0x124, 32, 0x00000000
            dvsec.range2_size_hi,     cfg,  0x128, 32, 0x00000000
            dvsec.range2_size_lo,     cfg,  0x12c, 32, 0x00000000
            dvsec.range2_base_hi,     cfg,  0x130, 32, 0x00000000
            dvsec.range2_base_lo,     cfg,  0x134, 32, 0x00000000
            dvsec.cap3,               cfg,  0x138, 16, 0x0000
            dvsec.rsvd_3a,            cfg,  0x13a, 16, 0x0000
            regloc.ecap_hdr,          cfg,  0x140, 32, 0x00010023
            regloc.hdr1,              cfg,  0x144, 32, 0x01401E98
            regloc.hdr2,              cfg,  0x148, 16, 0x0008
            regloc.rsvd,              cfg,  0x14a, 16, 0x0000
            regloc.block1_lo,         cfg,  0x14c, 32, 0x00000100
            regloc.block1_hi,         cfg,  0x150, 32, 0x00000000
            cm.cap_hdr,               comp, 0x1000, 32, 0x01110001
            cm.hdm_cap_hdr,           comp, 0x1004, 32, 0x01030005
            cm.rsvd_08,               comp, 0x1008, 32, 0x00000000
            cm.rsvd_0c,               comp, 0x100c, 32, 0x00000000
            hdm.cap,                  comp, 0x1010, 32, 0x00200300
            hdm.global_ctrl,          comp, 0x1014, 32, 0x00000002
            hdm.rsvd_08,              comp, 0x1018, 32, 0x00000000
            hdm.rsvd_0c,              comp, 0x101c, 32, 0x00000000
            hdm.decoder0.base_lo,     comp, 0x1020, 32, 0x00000000
            hdm.decoder0.base_hi,     comp, 0x1024, 32, 0x00000040
            hdm.decoder0.size_lo,     comp, 0x1028, 32, 0x10000000
            hdm.decoder0.size_hi,     comp, 0x102c, 32, 0x00000000
            hdm.decoder0.ctrl,        comp, 0x1030, 32, 0x00000600
            hdm.decoder0.dpa_skip_lo, comp, 0x1034, 32, 0x00000000
            hdm.decoder0.dpa_skip_hi, comp, 0x1038, 32, 0x00000000
            hdm.decoder0.rsvd_1c,     comp, 0x103c, 32, 0x00000000
            """;

    /**
     * The profile-dependent registers in a profile far from the default: 4.5G of HDM at
     * 0x80_1000_0000, the block at 0x40000 of a 2M BAR 2, firmware left CONFIG_LOCK and
     * LOCK_ON_COMMIT set.
     */
    static final String WIDE_PROFILE = "hdm_size=0x1_2000_0000 hpa_base=0x80_1000_0000 comp_bar=2 comp_offset=0x40000 "
            + "bar_size=2M config_lock=true lock_on_commit=true";

    // ---------------------------------------------------------------- the self-check

    @Test
    void catalogBuildsAndChecksItselfForEveryProfileLayout() {
        assertThat(CATALOG.registers()).isNotEmpty();
        for (int bar = 0; bar < 6; bar++) {
            for (long size = 4096; size <= (2L << 30); size <<= 1) {
                DeviceProfile p = profile("comp_bar=" + bar + " bar_size=" + size);
                assertThatCode(() -> CATALOG.check(p)).as("bar%d of %d bytes", bar, p.barSize()).doesNotThrowAnyException();
                for (RegisterDef r : CATALOG.registers()) {
                    assertThatCode(() -> RegisterCatalog.check(r, p)).as(r.path()).doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void registerIdsIndexTheRegisterList() {
        List<RegisterDef> all = CATALOG.registers();
        assertThat(CATALOG.size()).isEqualTo(all.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).id()).as(all.get(i).path()).isEqualTo(i);
        }
    }

    @Test
    void everyFieldFitsItsRegisterAndNoTwoFieldsOverlap() {
        for (DeviceProfile p : List.of(DeviceProfile.type2(), profile(WIDE_PROFILE), profile("bar_size=4K"),
                profile("bar_size=2G comp_bar=5"))) {
            for (RegisterDef r : CATALOG.registers()) {
                long seen = 0;
                for (FieldDef f : r.fields(p)) {
                    assertThat(f.lo()).as("%s.%s lo", r.path(), f.name()).isBetween(0, f.hi());
                    assertThat(f.hi()).as("%s.%s hi", r.path(), f.name()).isLessThan(r.width());
                    assertThat(seen & f.mask()).as("%s.%s overlaps an earlier field", r.path(), f.name()).isZero();
                    assertThat(f.fits(f.resetValue(p))).as("%s.%s reset value fits", r.path(), f.name()).isTrue();
                    seen |= f.mask();
                }
            }
        }
    }

    @Test
    void pathsAreLowerCaseAndFieldNamesUpperCase() {
        for (RegisterDef r : CATALOG.registers()) {
            assertThat(r.path()).isEqualTo(r.path().toLowerCase(Locale.ROOT));
            for (FieldDef f : r.fields()) {
                assertThat(f.name()).as(r.path()).isEqualTo(f.name().toUpperCase(Locale.ROOT));
                for (String alias : f.aliases()) {
                    assertThat(alias).as("%s.%s alias", r.path(), f.name()).isEqualTo(alias.toUpperCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void fieldNamesAreUniqueWithinARegister() {
        for (RegisterDef r : CATALOG.registers()) {
            Set<String> names = new HashSet<>();
            for (FieldDef f : r.fields()) {
                assertThat(names.add(f.name())).as("%s.%s declared twice", r.path(), f.name()).isTrue();
                for (String alias : f.aliases()) {
                    assertThat(names.add(alias)).as("%s alias %s clashes", r.path(), alias).isTrue();
                }
            }
        }
    }

    @Test
    void pathsAndAddressesAreUnique() {
        Set<String> paths = new HashSet<>();
        Set<String> bytes = new HashSet<>();
        for (RegisterDef r : CATALOG.registers()) {
            assertThat(paths.add(r.path())).as(r.path()).isTrue();
            for (int b = r.offset(); b < r.end(); b++) {
                assertThat(bytes.add(r.space() + ":" + b)).as("%s byte 0x%x", r.path(), b).isTrue();
            }
        }
    }

    @Test
    void registersBelongToTheirSpaceByPathPrefix() {
        // REGISTERS.md §1.3: pci.* pcie.* dvsec.* regloc.* are cfg; cm.* hdm.* are comp.
        Map<String, Space> spaces = Map.of("pci", Space.CFG, "pcie", Space.CFG, "dvsec", Space.CFG, "regloc", Space.CFG,
                "cm", Space.COMP, "hdm", Space.COMP);
        for (RegisterDef r : CATALOG.registers()) {
            String prefix = r.path().substring(0, r.path().indexOf('.'));
            assertThat(spaces).as(r.path()).containsKey(prefix);
            assertThat(r.space()).as(r.path()).isEqualTo(spaces.get(prefix));
        }
    }

    // ---------------------------------------------------------------- lookups

    @Test
    void lookupByPathIgnoresCase() {
        RegisterDef control = CATALOG.byPath("dvsec.control").orElseThrow();
        assertThat(CATALOG.byPath("DVSEC.CONTROL")).containsSame(control);
        assertThat(CATALOG.byPath("Dvsec.Control")).containsSame(control);
        assertThat(CATALOG.byPath("HDM.Decoder0.CTRL")).containsSame(HdmDecoderRegisters.CTRL);
        assertThat(CATALOG.byPath("dvsec.control3")).isEmpty();
        assertThat(CATALOG.byPath("control")).isEmpty();
        assertThat(CATALOG.byPath("")).isEmpty();
    }

    @Test
    void lookupByAddressFindsTheRegisterHoldingAnyOfItsBytes() {
        for (RegisterDef r : CATALOG.registers()) {
            for (int b = r.offset(); b < r.end(); b++) {
                assertThat(CATALOG.at(r.space(), b)).as("%s byte 0x%x", r.path(), b).containsSame(r);
            }
        }
    }

    @Test
    void lookupByAddressInTheMiddleOfARegister() {
        assertThat(CATALOG.at(Space.CFG, 0x10d)).containsSame(DvsecRegisters.CONTROL);
        assertThat(CATALOG.at(Space.CFG, 0x11e)).containsSame(DvsecRegisters.RANGE1_SIZE_LO);
        assertThat(CATALOG.at(Space.CFG, 0x38).map(RegisterDef::path)).contains("pci.rsvd_35");
        assertThat(CATALOG.at(Space.COMP, 0x1032)).containsSame(HdmDecoderRegisters.CTRL);
        assertThat(CATALOG.at(Space.COMP, 0x1033)).containsSame(HdmDecoderRegisters.CTRL);
        assertThat(CATALOG.at(Space.COMP, 0x1001)).containsSame(CacheMemRegisters.CAP_HDR);
    }

    @Test
    void lookupByAddressIsEmptyOutsideRegisters() {
        assertThat(CATALOG.at(Space.CFG, 0x7c)).isEmpty();      // unassigned 07c–0ff
        assertThat(CATALOG.at(Space.CFG, 0x54)).isEmpty();      // PCIe capability bytes 54–63 (RO 0, no register)
        assertThat(CATALOG.at(Space.CFG, 0x13c)).isEmpty();
        assertThat(CATALOG.at(Space.CFG, 0x154)).isEmpty();
        assertThat(CATALOG.at(Space.CFG, 0xfff)).isEmpty();
        assertThat(CATALOG.at(Space.CFG, 0x1000)).isEmpty();
        assertThat(CATALOG.at(Space.CFG, -1)).isEmpty();
        assertThat(CATALOG.at(Space.COMP, 0x0)).isEmpty();      // CXL.io area
        assertThat(CATALOG.at(Space.COMP, 0x1040)).isEmpty();
        assertThat(CATALOG.at(Space.COMP, 0x10000)).isEmpty();
        assertThat(CATALOG.at(Space.HDM, 0x1030)).isEmpty();    // the hdm space has no register names
        assertThat(CATALOG.at(Space.BAR0, 0x1030)).isEmpty();
    }

    @Test
    void overlappingListsEachCoveredRegisterOnceInAddressOrder() {
        assertThat(CATALOG.overlapping(Space.CFG, 0x108, 4)).extracting(RegisterDef::path)
                .containsExactly("dvsec.hdr2", "dvsec.cap");
        assertThat(CATALOG.overlapping(Space.CFG, 0x10c, 4)).extracting(RegisterDef::path)
                .containsExactly("dvsec.control", "dvsec.status");
        assertThat(CATALOG.overlapping(Space.CFG, 0x7c, 4)).isEmpty();
    }

    @Test
    void commitErrorIsAnAliasOfErrNotCommitted() {
        FieldDef err = HdmDecoderRegisters.CTRL.field("ERR_NOT_COMMITTED").orElseThrow();
        assertThat(HdmDecoderRegisters.CTRL.field("COMMIT_ERROR")).containsSame(err);
        assertThat(HdmDecoderRegisters.CTRL.field("commit_error")).containsSame(err);
        assertThat(err.name()).isEqualTo("ERR_NOT_COMMITTED");
        assertThat(err.bits()).isEqualTo("11");
    }

    @Test
    void fieldLookupIgnoresCase() {
        assertThat(DvsecRegisters.CAP.field("mem_capable")).containsSame(DvsecRegisters.MEM_CAPABLE);
        assertThat(DvsecRegisters.CAP.field("NO_SUCH_FIELD")).isEmpty();
    }

    // ---------------------------------------------------------------- every register, literally

    @Test
    void theCatalogHasExactlyTheRegistersOfTheSpecification() {
        List<String> specified = Stream.of(REGISTERS.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.substring(0, l.indexOf(',')).strip()).collect(Collectors.toList());
        assertThat(CATALOG.registers()).extracting(RegisterDef::path).containsExactlyInAnyOrderElementsOf(specified);
    }

    @ParameterizedTest(name = "{0} {1} 0x{2} {3} bits = {4}")
    @CsvSource(textBlock = REGISTERS)
    void registerHasItsSpecifiedPlaceWidthAndDefaultValue(String path, String space, String offset, int width, String value) {
        RegisterDef r = CATALOG.byPath(path).orElseThrow(() -> new AssertionError(path + " is not in the catalog"));
        long expected = Long.decode(value);
        assertThat(r.space()).isEqualTo(Space.byName(space).orElseThrow());
        assertThat(r.offset()).isEqualTo(Integer.decode(offset));
        assertThat(r.width()).isEqualTo(width);
        assertThat(r.resetValue(DeviceProfile.type2())).as("catalog reset value of %s", path).isEqualTo(expected);

        VfioDevice device = VfioDevice.create(DeviceProfile.type2()).device();
        assertThat(device.value(r)).as("shadow of %s after create", path).isEqualTo(expected);
        assertThat(device.hostValue(r)).as("host copy of %s after create", path).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            dvsec.cap,             0xC05F
            dvsec.lock,            0x0001
            dvsec.range1_size_hi,  0x00000001
            dvsec.range1_size_lo,  0x2000004B
            dvsec.range1_base_hi,  0x00000080
            dvsec.range1_base_lo,  0x10000000
            regloc.block1_lo,      0x00040102
            regloc.block1_hi,      0x00000000
            hdm.cap,               0x00200300
            hdm.decoder0.base_lo,  0x10000000
            hdm.decoder0.base_hi,  0x00000080
            hdm.decoder0.size_lo,  0x20000000
            hdm.decoder0.size_hi,  0x00000001
            hdm.decoder0.ctrl,     0x00000700
            pci.bar0,              0x00000000
            pci.bar2,              0x00000000
            """)
    void profileDependentRegistersFollowTheProfile(String path, String value) {
        DeviceProfile p = profile(WIDE_PROFILE);
        RegisterDef r = CATALOG.byPath(path).orElseThrow();
        long expected = Long.decode(value);
        assertThat(r.resetValue(p)).isEqualTo(expected);

        Creation creation = VfioDevice.create(p);
        assertThat(creation.errno()).isNull();
        assertThat(creation.device().value(r)).isEqualTo(expected);
        assertThat(creation.device().hostValue(r)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(textBlock = """
            mem_capable=false,                        dvsec.cap,         0xC05B
            comp_offset=0x1_0004_0000 bar_size=1M,    regloc.block1_lo,  0x00040100
            comp_offset=0x1_0004_0000 bar_size=1M,    regloc.block1_hi,  0x00000001
            comp_bar=5,                               regloc.block1_lo,  0x00000105
            decoders=2,                               hdm.cap,           0x00200301
            decoders=10,                              hdm.cap,           0x00200305
            iw=1,                                     hdm.decoder0.ctrl, 0x00000610
            iw=10,                                    hdm.decoder0.ctrl, 0x000006A0
            firmware_committed=false,                 hdm.decoder0.ctrl, 0x00000000
            firmware_committed=false lock_on_commit=true, hdm.decoder0.ctrl, 0x00000100
            hdm_size=0x1_0000_0000,                   dvsec.range1_size_lo, 0x0000004B
            hpa_base=0,                               hdm.decoder0.base_hi, 0x00000000
            """)
    void firmwareValuesThatCreationWouldRefuseStillFollowTheProfile(String parameters, String path, String value) {
        // Some of these profiles fail creation (ENXIO, EOPNOTSUPP); the catalog still lays them out.
        assertThat(CATALOG.byPath(path).orElseThrow().resetValue(profile(parameters))).isEqualTo(Long.decode(value));
    }

    @Test
    void componentBarFieldsFollowBarSize() {
        DeviceProfile p = profile(WIDE_PROFILE);
        RegisterDef bar2 = CATALOG.byPath("pci.bar2").orElseThrow();
        assertThat(bar2.profileDependentLayout()).isTrue();
        assertThat(bar2.fields(p)).extracting(FieldDef::name, FieldDef::bits, f -> f.exec().label())
                .containsExactly(
                        tuple("MEM_IND", "0", "RO"),
                        tuple("TYPE", "2:1", "RO"),
                        tuple("PREFETCH", "3", "RO"),
                        tuple("SIZE", "20:4", "RO"),
                        tuple("BASE", "31:21", "RW"));
    }

    @Test
    void barsOtherThanTheComponentBarAreReadOnly() {
        DeviceProfile p = profile(WIDE_PROFILE);
        for (int n = 0; n < 6; n++) {
            if (n == 2) {
                continue;
            }
            RegisterDef bar = CATALOG.byPath("pci.bar" + n).orElseThrow();
            assertThat(bar.fields(p)).as(bar.path()).allSatisfy(f -> assertThat(f.exec()).isEqualTo(Attribute.RO));
            assertThat(bar.fields(p)).extracting(FieldDef::name, FieldDef::bits).contains(
                    tuple("SIZE", "31:4"));
        }
    }

    @Test
    void defaultComponentBarIsBarZeroOfOneMegabyte() {
        RegisterDef bar0 = CATALOG.byPath("pci.bar0").orElseThrow();
        assertThat(bar0.fields()).extracting(FieldDef::name, FieldDef::bits, f -> f.exec().label())
                .containsExactly(
                        tuple("MEM_IND", "0", "RO"),
                        tuple("TYPE", "2:1", "RO"),
                        tuple("PREFETCH", "3", "RO"),
                        tuple("SIZE", "19:4", "RO"),
                        tuple("BASE", "31:20", "RW"));
    }

    // ---------------------------------------------------------------- field transcription

    /**
     * The fields whose Spec and Exec attributes differ or that gates and state machines depend on
     * (REGISTERS.md §3.2, §3.5, §4.3): register, field, bits, Spec, Exec.
     */
    @ParameterizedTest(name = "{0}.{1} [{2}] Spec {3} Exec {4}")
    @CsvSource(textBlock = """
            pci.command,          IO,                        0,     RW,     RW
            pci.command,          MEM,                       1,     RW,     RW
            pci.command,          INTX_DISABLE,              10,    RW,     RW
            pci.command,          RSVD,                      15:11, RsvdP,  RsvdP
            pci.status,           CAP_LIST,                  4,     RO,     RO
            pci.status,           PARITY_ERR,                8,     RW1C,   RO
            pci.status,           DET_PARITY,                15,    RW1C,   RO
            pcie.devctl,          READRQ,                    14:12, RW,     RW
            pcie.devctl,          PHANTOM,                   9,     RO,     RO
            pcie.devctl2,         ARI,                       5,     RO,     RO
            pcie.devctl2,         OBFF,                      14:13, RW,     RW
            dvsec.cap,            MEM_CAPABLE,               2,     RO,     RO
            dvsec.cap,            HDM_COUNT,                 5:4,   RO,     RO
            dvsec.cap,            CXL_RESET_TIMEOUT,         10:8,  RO,     RO
            dvsec.cap,            CXL_RESET_MEM_CLR_CAPABLE, 11,    HwInit, RO
            dvsec.cap,            PM_INIT_COMP_CAPABLE,      15,    HwInit, RO
            dvsec.control,        CACHE_ENABLE,              0,     RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.control,        IO_ENABLE,                 1,     RO,     RWL(CONFIG_LOCK)
            dvsec.control,        MEM_ENABLE,                2,     RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.control,        CACHE_SF_COVERAGE,         7:3,   RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.control,        CACHE_SF_GRANULARITY,      10:8,  RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.control,        CACHE_CLEAN_EVICTION,      11,    RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.control,        DIRECT_P2P_MEM_ENABLE,     12,    RsvdP,  RWL(CONFIG_LOCK)
            dvsec.control,        VIRAL_ENABLE,              14,    RWL(CONFIG_LOCK), RWL(CONFIG_LOCK)
            dvsec.status,         RSVD,                      13:0,  RsvdZ,  RW1C
            dvsec.status,         VIRAL_STATUS,              14,    RW1C,   RW1C
            dvsec.control2,       DISABLE_CACHING,           0,     RW,     RWL(CONFIG_LOCK)
            dvsec.control2,       INITIATE_CACHE_WBI,        1,     RW (action), RWL(CONFIG_LOCK)
            dvsec.control2,       INITIATE_CXL_RESET,        2,     RW (action), RWL(CONFIG_LOCK)
            dvsec.control2,       CXL_RESET_MEM_CLR_ENABLE,  3,     RW,     RWL(CONFIG_LOCK)
            dvsec.control2,       DESIRED_VOLATILE_HDM_STATE, 4,    RO,     RWL(CONFIG_LOCK)
            dvsec.control2,       MODIFIED_COMPLETION_ENABLE, 5,    RO,     RWL(CONFIG_LOCK)
            dvsec.control2,       RSVD,                      15:6,  RsvdP,  RWL(CONFIG_LOCK)
            dvsec.status2,        CACHE_INVALID,             0,     RO,     RW1C
            dvsec.status2,        VOLATILE_HDM_PRESERVATION_ERROR, 3, RsvdZ, RW1C
            dvsec.status2,        RSVD,                      14:4,  RsvdZ,  RW1C
            dvsec.status2,        PM_INIT_COMPLETE,          15,    RO,     RW1C
            dvsec.lock,           CONFIG_LOCK,               0,     RWO,    RWO
            dvsec.lock,           RSVD,                      15:1,  RsvdP,  RO
            dvsec.cap2,           FALLBACK_CAPABILITY,       5:4,   HwInit, RO
            dvsec.cap2,           CACHE_SIZE,                15:8,  RO,     RO
            dvsec.range1_size_hi, MEMORY_SIZE_HIGH,          31:0,  RO,     HwInit
            dvsec.range1_size_lo, MEMORY_INFO_VALID,         0,     RO,     HwInit
            dvsec.range1_size_lo, MEDIA_TYPE,                4:2,   RO,     HwInit
            dvsec.range1_size_lo, MEMORY_CLASS,              7:5,   RO,     HwInit
            dvsec.range1_size_lo, DESIRED_INTERLEAVE,        12:8,  RO,     HwInit
            dvsec.range1_size_lo, MEMORY_ACTIVE_TIMEOUT,     15:13, HwInit, HwInit
            dvsec.range1_size_lo, MEMORY_ACTIVE_DEGRADED,    16,    RO,     HwInit
            dvsec.range1_size_lo, RSVD,                      27:17, RsvdP,  HwInit
            dvsec.range1_size_lo, MEMORY_SIZE_LOW,           31:28, RO,     HwInit
            dvsec.range1_base_hi, MEMORY_BASE_HIGH,          31:0,  RWL(CONFIG_LOCK), HwInit
            dvsec.range1_base_lo, RSVD,                      27:0,  RsvdP,  HwInit
            dvsec.range1_base_lo, MEMORY_BASE_LOW,           31:28, RWL(CONFIG_LOCK), HwInit
            dvsec.range2_size_lo, MEMORY_SIZE_LOW,           31:28, RO,     RsvdZ
            dvsec.range2_base_lo, MEMORY_BASE_LOW,           31:28, RWL(CONFIG_LOCK), RsvdZ
            dvsec.cap3,           DEFAULT_VOLATILE_HDM_COLD, 0,     HwInit, RO
            dvsec.cap3,           DIRECT_P2P_MEM_CAPABLE,    4,     HwInit, RO
            dvsec.cap3,           RSVD,                      15:5,  RsvdP,  RO
            dvsec.rsvd_3a,        RSVD,                      15:0,  RsvdP,  RO
            regloc.block1_lo,     BIR,                       2:0,   RO,     RO
            regloc.block1_lo,     BLOCK_ID,                  15:8,  RO,     RO
            regloc.block1_lo,     OFFSET_LOW,                31:16, RO,     RO
            regloc.block1_hi,     OFFSET_HIGH,               31:0,  RO,     RO
            cm.cap_hdr,           ARRAY_SIZE,                31:24, RO,     RO
            cm.hdm_cap_hdr,       CAP_PTR,                   31:20, RO,     RO
            hdm.cap,              DECODER_COUNT,             3:0,   RO,     HwInit
            hdm.cap,              UIO_CAP,                   13,    HwInit, HwInit
            hdm.cap,              UIO_DECODER_COUNT,         19:16, RsvdP,  HwInit
            hdm.cap,              COHERENCY_MODELS,          22:21, HwInit, HwInit
            hdm.global_ctrl,      POISON_ON_ERR_EN,          0,     RO,     RW
            hdm.global_ctrl,      HDM_DECODER_ENABLE,        1,     RW,     RW
            hdm.global_ctrl,      RSVD,                      31:2,  RsvdP,  RW
            hdm.decoder0.base_lo, RSVD,                      27:0,  RsvdP,  RWL(DEC0_LOCKED)
            hdm.decoder0.base_lo, MEMORY_BASE_LOW,           31:28, RWL(DEC0_SPEC), RWL(DEC0_LOCKED)
            hdm.decoder0.base_hi, MEMORY_BASE_HIGH,          31:0,  RWL(DEC0_SPEC), RWL(DEC0_LOCKED)
            hdm.decoder0.size_lo, MEMORY_SIZE_LOW,           31:28, RWL(DEC0_SPEC), RWL(DEC0_LOCKED)
            hdm.decoder0.size_hi, MEMORY_SIZE_HIGH,          31:0,  RWL(DEC0_SPEC), RWL(DEC0_LOCKED)
            hdm.decoder0.ctrl,    IG,                        3:0,   RWL(DEC0_SPEC), RWL(DEC0_SPEC)
            hdm.decoder0.ctrl,    IW,                        7:4,   RWL(DEC0_SPEC), RWL(DEC0_SPEC)
            hdm.decoder0.ctrl,    LOCK_ON_COMMIT,            8,     RWL(DEC0_SPEC), RWL(DEC0_SPEC)
            hdm.decoder0.ctrl,    COMMIT,                    9,     RWL(DEC0_SPEC), RWL(DEC0_SPEC)
            hdm.decoder0.ctrl,    COMMITTED,                 10,    RO,     RO
            hdm.decoder0.ctrl,    ERR_NOT_COMMITTED,         11,    RO,     RO
            hdm.decoder0.ctrl,    TARGET_TYPE,               12,    RO,     RO
            hdm.decoder0.ctrl,    BI,                        13,    RsvdP,  RsvdP
            hdm.decoder0.ctrl,    UIO,                       14,    RO,     RO
            hdm.decoder0.ctrl,    UIG,                       19:16, RsvdP,  RsvdP
            hdm.decoder0.ctrl,    UIW,                       23:20, RsvdP,  RsvdP
            hdm.decoder0.ctrl,    ISP,                       27:24, RsvdP,  RsvdP
            hdm.decoder0.ctrl,    RSVD,                      31:28, RsvdP,  RsvdP
            hdm.decoder0.dpa_skip_lo, DPA_SKIP_LOW,          31:28, RWL(DEC0_SPEC), RW
            hdm.decoder0.dpa_skip_hi, DPA_SKIP_HIGH,         31:0,  RWL(DEC0_SPEC), RW
            hdm.decoder0.rsvd_1c, RSVD,                      31:0,  RsvdP,  RW
            """)
    void fieldHasItsSpecifiedBitsAndAttributes(String path, String field, String bits, String spec, String exec) {
        // hdm.decoder0.ctrl runs FSM-DEC (§5.2) rather than its field attributes; its Exec column
        // here is what the catalog records, the state machine is tested on its own.
        RegisterDef r = CATALOG.byPath(path).orElseThrow();
        FieldDef f = r.field(field).orElseThrow(() -> new AssertionError(path + "." + field + " is not in the catalog"));
        assertThat(f.name()).isEqualTo(field);
        assertThat(f.bits()).isEqualTo(bits);
        assertThat(f.spec().label()).isEqualTo(spec);
        assertThat(r.execAttribute(f).label()).isEqualTo(exec);
    }

    @Test
    void decoderControlAndBarsNameTheirStateMachines() {
        assertThat(HdmDecoderRegisters.CTRL.behaviour()).isEqualTo(Behaviour.DECODER_CONTROL);
        List<String> special = new ArrayList<>();
        for (RegisterDef r : CATALOG.registers()) {
            if (r.behaviour() != Behaviour.ATTRIBUTES) {
                special.add(r.path());
            }
        }
        assertThat(special).containsExactlyInAnyOrder("hdm.decoder0.ctrl",
                "pci.bar0", "pci.bar1", "pci.bar2", "pci.bar3", "pci.bar4", "pci.bar5");
    }

    @Test
    void shadowedRegistersAreTheDvsecBodyAndTheComponentBlock() {
        // REGISTERS.md §1.3: host copy and shadow for the DVSEC body, the CM array and the HDM block;
        // one copy for pci.*, pcie.*, regloc.* and the DVSEC header.
        for (RegisterDef r : CATALOG.registers()) {
            boolean body = r.space() == Space.CFG && r.offset() >= 0x10a && r.offset() < 0x13c;
            boolean shadowed = body || r.space() == Space.COMP;
            assertThat(r.copies()).as(r.path()).isEqualTo(shadowed ? Copies.HOST_AND_SHADOW : Copies.SINGLE);
        }
    }

    private static DeviceProfile profile(String parameters) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2());
        for (String assignment : parameters.strip().split("\\s+")) {
            String[] kv = assignment.split("=", 2);
            assertThat(b.set(kv[0], kv[1])).as(assignment).isEmpty();
        }
        ProfileBuilder.Result result = b.build();
        assertThat(result.errors()).as(parameters).isEmpty();
        return result.profile();
    }
}
