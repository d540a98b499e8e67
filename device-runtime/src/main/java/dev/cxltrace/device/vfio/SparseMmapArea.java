package dev.cxltrace.device.vfio;

/** One mmappable area of a region, as VFIO_REGION_INFO_CAP_SPARSE_MMAP reports it. */
public record SparseMmapArea(long offset, long size) {
}
