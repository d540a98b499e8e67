package dev.cxltrace.device.vfio;

import static dev.cxltrace.device.vfio.RegionInfo.FLAG_CAPS;
import static dev.cxltrace.device.vfio.RegionInfo.FLAG_MMAP;
import static dev.cxltrace.device.vfio.RegionInfo.FLAG_READ;
import static dev.cxltrace.device.vfio.RegionInfo.FLAG_WRITE;
import static dev.cxltrace.device.vfio.RegionInfo.OFFSET_SHIFT;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * What VFIO_DEVICE_GET_INFO and GET_REGION_INFO answer for a profile (REGISTERS.md §6)
 * [L vfio.h][K patch 5, vfio_pci_cxl_get_region_info].
 */
final class VfioView {
    private VfioView() {
    }

    /** Region indices: vfio-pci's nine, then COMP_REGS and HDM in the series' open order (§1.1, D5). */
    static final int CONFIG_INDEX = 7;
    static final int VGA_INDEX = 8;
    static final int COMP_INDEX = 9;
    static final int HDM_INDEX = 10;
    /** PCI vendor region type | the CXL vendor id [L vfio.h]. */
    static final long CXL_REGION_TYPE = 0x8000_0000L | 0x1E98;
    static final long SUBTYPE_CXL = 1;
    static final long SUBTYPE_CXL_COMP_REGS = 2;
    static final long PAGE = 4096;

    static DeviceInfo info(DeviceProfile p) {
        if (!p.cxlBound()) {
            return new DeviceInfo(DeviceInfo.FLAG_RESET | DeviceInfo.FLAG_PCI, 9, 5, false, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        int flags = DeviceInfo.FLAG_RESET | DeviceInfo.FLAG_PCI | DeviceInfo.FLAG_CAPS | DeviceInfo.FLAG_CXL;
        return new DeviceInfo(flags, 11, 5, true, DeviceInfo.CAP_CXL, 1, DeviceInfo.CXL_HOST_FIRMWARE_COMMITTED,
                HDM_INDEX, COMP_INDEX, p.compBar(), p.compOffset(), DeviceProfile.COMPONENT_BLOCK_SIZE);
    }

    /** Region info by index; null at VGA, which GET_REGION_INFO answers with EINVAL. */
    static RegionInfo[] regions(DeviceProfile p) {
        boolean bound = p.cxlBound();
        RegionInfo[] r = new RegionInfo[bound ? 11 : 9];
        for (int n = 0; n < 6; n++) {
            r[n] = n == p.compBar() ? componentBar(p) : new RegionInfo(n, "bar" + n, (long) n << OFFSET_SHIFT, 0, 0, List.of(), -1, -1);
        }
        r[6] = new RegionInfo(6, "rom", 6L << OFFSET_SHIFT, 0, 0, List.of(), -1, -1);
        r[CONFIG_INDEX] = new RegionInfo(CONFIG_INDEX, "cfg", (long) CONFIG_INDEX << OFFSET_SHIFT, RegisterCatalog.CFG_SIZE,
                FLAG_READ | FLAG_WRITE, List.of(), -1, -1);
        r[VGA_INDEX] = null;
        if (bound) {
            r[COMP_INDEX] = new RegionInfo(COMP_INDEX, "comp", (long) COMP_INDEX << OFFSET_SHIFT,
                    DeviceProfile.COMPONENT_BLOCK_SIZE, FLAG_READ | FLAG_WRITE | FLAG_CAPS, List.of(),
                    CXL_REGION_TYPE, SUBTYPE_CXL_COMP_REGS);
            r[HDM_INDEX] = new RegionInfo(HDM_INDEX, "hdm", (long) HDM_INDEX << OFFSET_SHIFT, p.hdmSize(),
                    FLAG_READ | FLAG_WRITE | FLAG_MMAP | FLAG_CAPS, List.of(), CXL_REGION_TYPE, SUBTYPE_CXL);
        }
        return r;
    }

    /** The component BAR: mmappable except the page-rounded window of the block (§5.7). */
    private static RegionInfo componentBar(DeviceProfile p) {
        int n = p.compBar();
        long offset = (long) n << OFFSET_SHIFT;
        if (!p.cxlBound()) {
            return new RegionInfo(n, "bar" + n, offset, p.barSize(), FLAG_READ | FLAG_WRITE | FLAG_MMAP, List.of(), -1, -1);
        }
        List<SparseMmapArea> areas = sparseAreas(p.compOffset(), p.barSize());
        int flags = areas.isEmpty() ? FLAG_READ | FLAG_WRITE : FLAG_READ | FLAG_WRITE | FLAG_MMAP | FLAG_CAPS;
        return new RegionInfo(n, "bar" + n, offset, p.barSize(), flags, areas, -1, -1);
    }

    static List<SparseMmapArea> sparseAreas(long compOffset, long barSize) {
        long before = compOffset / PAGE * PAGE;
        long after = (compOffset + DeviceProfile.COMPONENT_BLOCK_SIZE + PAGE - 1) / PAGE * PAGE;
        List<SparseMmapArea> areas = new ArrayList<>(2);
        if (before > 0) {
            areas.add(new SparseMmapArea(0, before));
        }
        if (after < barSize) {
            areas.add(new SparseMmapArea(after, barSize - after));
        }
        return List.copyOf(areas);
    }
}
