package dev.cxltrace.device.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.CacheMemRegisters;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Provenance;
import org.junit.jupiter.api.Test;

/**
 * The six selftests of the series [K tools/testing/selftests/vfio/vfio_cxl_type2_test.c], against
 * the model, through the same offsets the originals use (REGISTERS.md §7).
 */
class SelftestTest {
    private final VfioDevice device = VfioDevice.create(DeviceProfile.type2()).device();
    private static final Provenance LINE = Provenance.line(1);

    private long read(Space space, long offset, int bytes) {
        AccessResult r = device.read(space, offset, bytes);
        assertThat(r.errno()).as("%s read of %d bytes at 0x%x", space, bytes, offset).isNull();
        return r.value();
    }

    private void write(Space space, long offset, int bytes, long value) {
        AccessResult r = device.write(space, offset, bytes, value, LINE);
        assertThat(r.errno()).as("%s write at 0x%x", space, offset).isNull();
    }

    @Test
    void device_is_cxl() {
        DeviceInfo info = device.info();
        assertThat(info.flagCxl()).isTrue();
        assertThat(info.cxlCapability()).isTrue();
        assertThat(info.capId()).isEqualTo(6);
        assertThat(info.capVersion()).isEqualTo(1);
        assertThat(info.hdmRegionIdx()).isNotEqualTo(info.compRegRegionIdx());
        assertThat(info.hdmRegionIdx()).isGreaterThanOrEqualTo(9).isEqualTo(10);
        assertThat(info.compRegRegionIdx()).isGreaterThanOrEqualTo(9).isEqualTo(9);
        assertThat(info.compRegBar()).isLessThan(6).isEqualTo(0);
        assertThat(info.compRegSize()).isPositive().isEqualTo(device.region(info.compRegRegionIdx()).orElseThrow().size());
    }

    @Test
    void hdm_region_mmap_rw() {
        RegionInfo hdm = device.region(device.info().hdmRegionIdx()).orElseThrow();
        assertThat(hdm.size()).isGreaterThanOrEqualTo(4096);
        assertThat(hdm.mmappable()).isTrue();
        write(Space.HDM, 0, 4, 0xDEADBEEFL);
        assertThat(read(Space.HDM, 0, 4)).isEqualTo(0xDEADBEEFL);
    }

    @Test
    void component_bar_sparse_mmap() {
        DeviceInfo info = device.info();
        RegionInfo bar = device.region(info.compRegBar()).orElseThrow();
        assertThat(bar.hasCaps()).isTrue();
        assertThat(bar.sparseAreas()).hasSize(1).containsExactly(new SparseMmapArea(0x10000, 0xF0000));
        long start = info.compRegOffset();
        long end = start + info.compRegSize();
        for (SparseMmapArea a : bar.sparseAreas()) {
            assertThat(a.offset() + a.size() <= start || a.offset() >= end).as("area %s overlaps the block", a).isTrue();
        }
        assertThat(device.read(Space.BAR0, 0x1000, 4).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void comp_regs_cm_cap_array_read() {
        long hdr = read(Space.COMP, 0x1000, 4);
        assertThat(hdr & 0xFFFF).isEqualTo(1);                 // CAP_ID
        assertThat(hdr >>> 24).isPositive().isEqualTo(1);      // ARRAY_SIZE
        assertThat(hdr).isEqualTo(0x01110001L);
        assertThat(device.read(Space.COMP, 0x1000, 2).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void dvsec_lock_byte_read() {
        assertThat(read(Space.CFG, 0x100, 4)).isEqualTo(0x14010023L);
        long hdr1 = read(Space.CFG, 0x104, 4);
        assertThat(hdr1 & 0xFFFF).isEqualTo(0x1E98);
        assertThat(hdr1).isEqualTo(0x03C31E98L);
        long hdr2 = read(Space.CFG, 0x108, 4);
        assertThat(hdr2 & 0xFFFF).isEqualTo(0);                // DVSEC ID 0
        assertThat(hdr2).isEqualTo(0xC05F0000L);               // split at the body start (§5.4)
        assertThat(read(Space.CFG, 0x114, 1)).isEqualTo(0);
    }

    @Test
    void hdm_decoder_commit_fsm() {
        long arrayEntry = read(Space.COMP, CacheMemRegisters.ARRAY_OFFSET + 4, 4);
        assertThat(arrayEntry & 0xFFFF).isEqualTo(5);
        long hdmOffset = CacheMemRegisters.ARRAY_OFFSET + (arrayEntry >>> 20);
        assertThat(hdmOffset).isEqualTo(0x1010);
        long ctrlOffset = hdmOffset + 0x20;
        long commit = 1 << 9;
        long committed = 1 << 10;
        long lockOnCommit = 1 << 8;

        long ctrl = read(Space.COMP, ctrlOffset, 4);
        assertThat(ctrl & commit).isNotZero();
        assertThat(ctrl & committed).isNotZero();

        write(Space.COMP, ctrlOffset, 4, ctrl & ~commit);
        long after = read(Space.COMP, ctrlOffset, 4);
        assertThat(after & (commit | committed | lockOnCommit)).isZero();

        write(Space.COMP, ctrlOffset, 4, 0x200);
        after = read(Space.COMP, ctrlOffset, 4);
        assertThat(after & commit).isNotZero();
        assertThat(after & committed).isNotZero();

        write(Space.COMP, ctrlOffset, 4, ctrl);
        assertThat(read(Space.COMP, ctrlOffset, 4)).isEqualTo(0x600);
        assertThat(device.hostValue(HdmDecoderRegisters.CTRL)).isEqualTo(0x600);
    }
}
