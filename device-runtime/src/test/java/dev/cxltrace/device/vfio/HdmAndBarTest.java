package dev.cxltrace.device.vfio;

import static dev.cxltrace.device.Fixtures.create;
import static dev.cxltrace.device.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two memory-like spaces of a CXL-bound device: the HDM region (REGISTERS.md §5.6) and the
 * component BAR with its sparse mmap areas and the component window (§5.7, §6.2).
 */
class HdmAndBarTest {
    private static final Provenance LINE = Provenance.line(2);

    private final VfioDevice device = create(DeviceProfile.type2());
    private final long hdmSize = DeviceProfile.type2().hdmSize();
    private final long barSize = DeviceProfile.type2().barSize();



    private static long read(VfioDevice d, Space space, long offset, int bytes) {
        AccessResult r = d.read(space, offset, bytes);
        assertThat(r.errno()).as("r%d %s 0x%x", 8 * bytes, space, offset).isNull();
        return r.value();
    }

    private static void write(VfioDevice d, Space space, long offset, int bytes, long value) {
        AccessResult r = d.write(space, offset, bytes, value, LINE);
        assertThat(r.errno()).as("w%d %s 0x%x", 8 * bytes, space, offset).isNull();
        assertThat(r.outcomes()).as("memory writes reach no register").isEmpty();
    }

    private static void assertRefused(VfioDevice d, Space space, long offset, int bytes) {
        assertThat(d.read(space, offset, bytes).errno()).as("r%d %s 0x%x", 8 * bytes, space, offset).isEqualTo(Errno.EINVAL);
        assertThat(d.write(space, offset, bytes, -1L, LINE).errno()).as("w%d %s 0x%x", 8 * bytes, space, offset)
                .isEqualTo(Errno.EINVAL);
    }

    // ---------------------------------------------------------------- HDM region (§5.6)

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2, 4, 8})
    void hdmTakesEveryWidthAtEveryAlignment(int bytes) {
        long value = 0x8877_6655_4433_2211L & (bytes == 8 ? -1L : (1L << (8 * bytes)) - 1);
        for (long offset = 0x100; offset < 0x108; offset++) {
            write(device, Space.HDM, offset, bytes, value);
            assertThat(read(device, Space.HDM, offset, bytes)).as("at 0x%x", offset).isEqualTo(value);
        }
    }

    @Test
    void hdmIsLittleEndian() {
        write(device, Space.HDM, 0x40, 4, 0x1122_3344L);

        assertThat(read(device, Space.HDM, 0x40, 1)).isEqualTo(0x44);
        assertThat(read(device, Space.HDM, 0x43, 1)).isEqualTo(0x11);
        assertThat(read(device, Space.HDM, 0x41, 2)).isEqualTo(0x2233);
        assertThat(read(device, Space.HDM, 0x40, 8)).isEqualTo(0x1122_3344L);
    }

    @Test
    void unwrittenHdmBytesReadZero() {
        assertThat(read(device, Space.HDM, 0, 8)).isZero();
        assertThat(read(device, Space.HDM, hdmSize / 2 + 3, 4)).isZero();
        assertThat(read(device, Space.HDM, hdmSize - 8, 8)).isZero();
        write(device, Space.HDM, 0x1000, 1, 0xFF);
        assertThat(read(device, Space.HDM, 0x1001, 4)).as("the rest of a written page").isZero();
    }

    @Test
    void qwordStraddlingAPageBoundaryIsOneAccess() {
        write(device, Space.HDM, 0xffc, 8, 0xDEAD_BEEF_CAFE_F00DL);

        assertThat(read(device, Space.HDM, 0xffc, 8)).isEqualTo(0xDEAD_BEEF_CAFE_F00DL);
        assertThat(read(device, Space.HDM, 0xffc, 4)).isEqualTo(0xCAFE_F00DL);
        assertThat(read(device, Space.HDM, 0x1000, 4)).isEqualTo(0xDEAD_BEEFL);
        assertThat(read(device, Space.HDM, 0xfff, 2)).isEqualTo(0xEFCA);
    }

    @Test
    void lastByteOfHdmIsReachable() {
        write(device, Space.HDM, hdmSize - 1, 1, 0x5A);
        assertThat(read(device, Space.HDM, hdmSize - 1, 1)).isEqualTo(0x5A);
        write(device, Space.HDM, hdmSize - 8, 8, 0x0102_0304_0506_0708L);
        assertThat(read(device, Space.HDM, hdmSize - 8, 8)).isEqualTo(0x0102_0304_0506_0708L);
    }

    @ParameterizedTest(name = "{0} bytes ending one byte past the region")
    @ValueSource(ints = {2, 4, 8})
    void hdmAccessStraddlingTheEndFailsWithEinval(int bytes) {
        assertRefused(device, Space.HDM, hdmSize - bytes + 1, bytes);
    }

    @Test
    void hdmAccessAtOrBeyondTheSizeFailsWithEinval() {
        assertRefused(device, Space.HDM, hdmSize, 1);
        assertRefused(device, Space.HDM, hdmSize + 0x1000, 4);
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(strings = {"8000000000000000", "fffffffffffffff8", "ffffffffffffffff"})
    void hdmOffsetAtOrAbove2To63FailsWithEinval(String offset) {
        long o = Long.parseUnsignedLong(offset, 16);
        assertRefused(device, Space.HDM, o, 1);
        assertRefused(device, Space.HDM, o, 8);
    }

    @Test
    void hdmRegionFollowsTheProfileSize() {
        VfioDevice big = create(profile("hdm_size", "1G"));
        long size = 1L << 30;

        write(big, Space.HDM, size - 4, 4, 0xABCD_0123L);

        assertThat(read(big, Space.HDM, size - 4, 4)).isEqualTo(0xABCD_0123L);
        assertRefused(big, Space.HDM, size - 2, 4);
    }

    @Test
    void refusedHdmWriteChangesNothing() {
        device.write(Space.HDM, hdmSize - 4, 8, -1L, LINE);

        assertThat(read(device, Space.HDM, hdmSize - 4, 4)).isZero();
        assertThat(device.hdmPagesInUse()).isZero();
    }

    // ---------------------------------------------------------------- BAR pread/pwrite (§5.7)

    @Test
    void barScratchOutsideTheWindowTakesAnyWidthAndAlignment() {
        write(device, Space.BAR0, 0x10000, 4, 0xDEAD_BEEFL);
        write(device, Space.BAR0, 0x20001, 8, 0x0807_0605_0403_0201L);
        write(device, Space.BAR0, 0x30003, 2, 0xBEEF);

        assertThat(read(device, Space.BAR0, 0x10000, 4)).isEqualTo(0xDEAD_BEEFL);
        assertThat(read(device, Space.BAR0, 0x20001, 8)).isEqualTo(0x0807_0605_0403_0201L);
        assertThat(read(device, Space.BAR0, 0x20002, 1)).isEqualTo(0x02);
        assertThat(read(device, Space.BAR0, 0x30003, 2)).isEqualTo(0xBEEF);
        assertThat(read(device, Space.BAR0, 0x40000, 8)).as("unwritten scratch").isZero();
    }

    @Test
    void lastBytesOfTheBarAreReachable() {
        write(device, Space.BAR0, barSize - 8, 8, 0x1111_2222_3333_4444L);
        assertThat(read(device, Space.BAR0, barSize - 8, 8)).isEqualTo(0x1111_2222_3333_4444L);
        assertThat(read(device, Space.BAR0, barSize - 1, 1)).isEqualTo(0x11);
    }

    @ParameterizedTest(name = "offset 0x{0}, {1} bytes")
    @CsvSource({"ffffc, 8", "fffff, 2", "100000, 1", "200000, 4", "8000000000000000, 4"})
    void barAccessNotWhollyInsideTheBarFailsWithEinval(String offset, int bytes) {
        assertRefused(device, Space.BAR0, Long.parseUnsignedLong(offset, 16), bytes);
    }

    @ParameterizedTest(name = "offset 0x{0}, {1} bytes")
    @CsvSource({"0, 1", "0, 8", "1000, 4", "ffff, 1", "fffc, 4", "fffc, 8", "fff9, 8"})
    void barAccessOverlappingTheComponentWindowFailsWithEinval(String offset, int bytes) {
        assertRefused(device, Space.BAR0, Long.parseLong(offset, 16), bytes);
    }

    @Test
    void barAccessRightAfterTheWindowSucceeds() {
        assertThat(device.read(Space.BAR0, 0x10000, 1).errno()).isNull();
        assertThat(device.read(Space.BAR0, 0x10000, 8).errno()).isNull();
    }

    @ParameterizedTest(name = "offset 0x{0}, {1} bytes")
    @CsvSource({"3fffc, 8", "3ffff, 2", "40000, 1", "48000, 4", "4ffff, 1", "4fffc, 8"})
    void windowAtAnOffsetRefusesEveryAccessThatOverlapsIt(String offset, int bytes) {
        VfioDevice d = create(profile("comp_offset", "0x40000"));

        assertRefused(d, Space.BAR0, Long.parseLong(offset, 16), bytes);
    }

    @Test
    void windowAtAnOffsetLeavesTheBytesAroundItReachable() {
        VfioDevice d = create(profile("comp_offset", "0x40000"));

        write(d, Space.BAR0, 0x3fff8, 8, 0x0102_0304_0506_0708L);
        write(d, Space.BAR0, 0x50000, 8, 0x1112_1314_1516_1718L);
        write(d, Space.BAR0, 0x0, 4, 0xCAFE);

        assertThat(read(d, Space.BAR0, 0x3fff8, 8)).isEqualTo(0x0102_0304_0506_0708L);
        assertThat(read(d, Space.BAR0, 0x3ffff, 1)).isEqualTo(0x01);
        assertThat(read(d, Space.BAR0, 0x50000, 8)).isEqualTo(0x1112_1314_1516_1718L);
        assertThat(read(d, Space.BAR0, 0x0, 4)).isEqualTo(0xCAFE);
    }

    @ParameterizedTest(name = "bar{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void barsOtherThanTheComponentBarFailWithEinval(int n) {
        assertRefused(device, Space.bar(n), 0, 1);
        assertRefused(device, Space.bar(n), 0x10000, 4);
    }

    @Test
    void componentBarFollowsTheProfile() {
        VfioDevice d = create(profile("comp_bar", "3"));

        assertRefused(d, Space.BAR0, 0x10000, 4);
        assertRefused(d, Space.BAR3, 0x0, 4);
        write(d, Space.BAR3, 0x10000, 4, 0x77);
        assertThat(read(d, Space.BAR3, 0x10000, 4)).isEqualTo(0x77);
    }

    @Test
    void barScratchAndHdmAreSeparateMemories() {
        write(device, Space.HDM, 0x10000, 4, 0xAAAA_AAAAL);

        assertThat(read(device, Space.BAR0, 0x10000, 4)).isZero();
    }

    // ---------------------------------------------------------------- sparse mmap areas (§5.7, §6.2)

    @Test
    void defaultProfileHasOneAreaAfterTheWindow() {
        RegionInfo bar = device.region(Space.BAR0);

        assertThat(bar.sparseAreas()).containsExactly(new SparseMmapArea(0x10000, 0xF0000));
        assertThat(bar.flags()).isEqualTo(0x0F);
        assertThat(bar.size()).isEqualTo(0x100000);
        assertThat(device.region(0)).contains(bar);
    }

    @Test
    void windowInsideTheBarLeavesAnAreaOnEachSide() {
        VfioDevice d = create(profile("comp_offset", "0x40000"));
        RegionInfo bar = d.region(Space.BAR0);

        assertThat(bar.sparseAreas()).containsExactly(new SparseMmapArea(0, 0x40000), new SparseMmapArea(0x50000, 0xB0000));
        assertThat(bar.flags()).isEqualTo(0x0F);
    }

    @Test
    void windowFillingTheBarLeavesNoAreaAndNoMmap() {
        VfioDevice d = create(profile("bar_size", "64K", "comp_offset", "0"));
        RegionInfo bar = d.region(Space.BAR0);

        assertThat(bar.sparseAreas()).isEmpty();
        assertThat(bar.flags()).isEqualTo(0x03);
        assertThat(bar.size()).isEqualTo(0x10000);
        assertRefused(d, Space.BAR0, 0, 4);
    }

    @Test
    void windowAtTheEndOfTheBarLeavesOnlyTheAreaBeforeIt() {
        VfioDevice d = create(profile("comp_offset", "0xF0000"));

        assertThat(d.region(Space.BAR0).sparseAreas()).containsExactly(new SparseMmapArea(0, 0xF0000));
        assertThat(VfioView.sparseAreas(0xF0000, 0x100000)).containsExactly(new SparseMmapArea(0, 0xF0000));
    }

    @Test
    void noSparseAreaOverlapsTheComponentWindow() {
        for (String offset : new String[] {"0", "0x10000", "0x40000", "0x80000", "0xF0000"}) {
            DeviceProfile p = profile("comp_offset", offset);
            for (SparseMmapArea a : create(p).region(Space.BAR0).sparseAreas()) {
                boolean clear = a.offset() + a.size() <= p.compOffset()
                        || a.offset() >= p.compOffset() + DeviceProfile.COMPONENT_BLOCK_SIZE;
                assertThat(clear).as("area %s with comp_offset %s", a, offset).isTrue();
                assertThat(a.offset() % 4096).isZero();
                assertThat(a.size() % 4096).isZero();
            }
        }
    }
}
