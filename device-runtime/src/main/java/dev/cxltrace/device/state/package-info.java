/**
 * Device memory that costs nothing until written, with O(1) copy-on-write snapshots.
 *
 * <p>Invariant: a snapshot never changes, whatever the memory it came from does afterwards.
 * Test: the snapshot properties of {@code DevicePropertiesTest}; the footprint benchmark.
 */
package dev.cxltrace.device.state;
