package dev.cxltrace.device.vfio;

/**
 * VFIO_DEVICE_GET_INFO with its CXL capability (REGISTERS.md §6.1). On a plain device
 * {@code cxlCapability} is false and the capability fields read 0 (model choice).
 */
public record DeviceInfo(
        int flags,
        int numRegions,
        int numIrqs,
        boolean cxlCapability,
        int capId,
        int capVersion,
        int cxlFlags,
        int hdmRegionIdx,
        int compRegRegionIdx,
        int compRegBar,
        long compRegOffset,
        long compRegSize) {

    public static final int FLAG_RESET = 1;
    public static final int FLAG_PCI = 1 << 1;
    public static final int FLAG_CAPS = 1 << 7;
    public static final int FLAG_CXL = 1 << 9;
    /** {@code VFIO_DEVICE_INFO_CAP_CXL}. */
    public static final int CAP_CXL = 6;
    /** {@code VFIO_CXL_CAP_HOST_FIRMWARE_COMMITTED}. */
    public static final int CXL_HOST_FIRMWARE_COMMITTED = 1;

    public boolean flagCxl() {
        return (flags & FLAG_CXL) != 0;
    }

    public boolean hostFirmwareCommitted() {
        return (cxlFlags & CXL_HOST_FIRMWARE_COMMITTED) != 0;
    }
}
