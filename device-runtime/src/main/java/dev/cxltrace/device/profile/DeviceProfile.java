package dev.cxltrace.device.profile;

/**
 * Every parameter of a device (TRACE-LANGUAGE.md §1), as validated values. A profile that exists
 * satisfies the rules of REGISTERS.md §5.1 except those that creation answers with an errno.
 *
 * <p>Built with {@link ProfileBuilder}, which names the parameter and the accepted values when a
 * value is refused.
 */
public record DeviceProfile(
        String name,
        long hdmSize,
        long hpaBase,
        int decoders,
        int iw,
        boolean firmwareCommitted,
        boolean lockOnCommit,
        boolean configLock,
        int compBar,
        long compOffset,
        long barSize,
        boolean memCapable,
        CxlMode cxl,
        boolean hpaBusy) {

    /** The component register block is always 64K ([K] CXL_COMPONENT_REG_BLOCK_SIZE). */
    public static final long COMPONENT_BLOCK_SIZE = 0x1_0000;

    /** The built-in {@code type2} profile: firmware-committed, one decoder, no interleave. */
    public static DeviceProfile type2() {
        return new DeviceProfile("type2", 256L << 20, 0x40_0000_0000L, 1, 0, true, false, false,
                0, 0, 1L << 20, true, CxlMode.ON, false);
    }

    /**
     * Whether the device binds with the CXL passthrough; otherwise it is plain vfio-pci (§5.8):
     * {@code cxl=off}, or a DVSEC without MEM_CAPABLE.
     */
    public boolean cxlBound() {
        return cxl == CxlMode.ON && memCapable;
    }
}
