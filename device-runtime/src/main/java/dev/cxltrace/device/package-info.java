/**
 * The simulated CXL Type-2 device as vfio-pci with the CXL passthrough series presents it
 * (REGISTERS.md). {@link dev.cxltrace.device.vfio.VfioDevice} is the entry point.
 *
 * <p>Invariant: the device depends on the JDK only, and on Gson in {@code device.profile} alone;
 * it never sees trace text or a protocol. Test: {@code ArchitectureTest}.
 */
package dev.cxltrace.device;
