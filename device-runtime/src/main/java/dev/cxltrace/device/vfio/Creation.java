package dev.cxltrace.device.vfio;

/** The result of binding a device: the device, or the errno the kernel's bind answers. */
public record Creation(VfioDevice device, Errno errno) {
    public boolean ok() {
        return device != null;
    }
}
