package dev.cxltrace.device.vfio;

import java.util.List;

/**
 * VFIO_DEVICE_GET_REGION_INFO for one region (REGISTERS.md §6.2).
 *
 * @param sparseAreas the SPARSE_MMAP capability's areas; empty when it has none
 * @param type        the TYPE capability's type, or -1 without one
 * @param subtype     the TYPE capability's subtype, or -1 without one
 */
public record RegionInfo(int index, String name, long offset, long size, int flags,
        List<SparseMmapArea> sparseAreas, long type, long subtype) {

    public static final int FLAG_READ = 1;
    public static final int FLAG_WRITE = 2;
    public static final int FLAG_MMAP = 4;
    public static final int FLAG_CAPS = 8;
    /** {@code VFIO_PCI_OFFSET_SHIFT}: a region's offset in the device fd is its index << 40. */
    public static final int OFFSET_SHIFT = 40;

    public boolean readable() {
        return (flags & FLAG_READ) != 0;
    }

    public boolean writable() {
        return (flags & FLAG_WRITE) != 0;
    }

    public boolean mmappable() {
        return (flags & FLAG_MMAP) != 0;
    }

    public boolean hasCaps() {
        return (flags & FLAG_CAPS) != 0;
    }
}
