/**
 * The device as a VMM sees it through VFIO: accesses to each region, device and region info,
 * creation with the kernel's errnos, snapshots.
 *
 * <p>Invariants: no guest access changes the host copy while the device is CXL-bound; nothing a
 * trace can do throws (mistakes are errnos). Tests: {@code DevicePropertiesTest}, the six
 * selftests in {@code SelftestTest}.
 */
package dev.cxltrace.device.vfio;
