package dev.cxltrace.device.vfio;

import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.state.SparseMemory;

/**
 * An immutable copy of a device's whole state: the guest-visible registers and the setters of the
 * gates copied, HDM memory and BAR scratch shared copy-on-write. Taking one is O(registers).
 */
public final class DeviceSnapshot {
    final VfioDevice.Layout layout;
    final long[] registers;
    final Provenance[] setters;
    final SparseMemory.Snapshot hdm;
    final SparseMemory.Snapshot bar;

    DeviceSnapshot(VfioDevice.Layout layout, long[] registers, Provenance[] setters,
            SparseMemory.Snapshot hdm, SparseMemory.Snapshot bar) {
        this.layout = layout;
        this.registers = registers;
        this.setters = setters;
        this.hdm = hdm;
        this.bar = bar;
    }

    /** A new device in this state. */
    public VfioDevice toDevice() {
        return new VfioDevice(this);
    }
}
