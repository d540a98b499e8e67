package dev.cxltrace.device.profile;

/** The {@code cxl} parameter: bind with the CXL passthrough, or opt out to plain vfio-pci. */
public enum CxlMode {
    ON,
    OFF
}
