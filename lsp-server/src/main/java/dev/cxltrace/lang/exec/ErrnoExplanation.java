package dev.cxltrace.lang.exec;

import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.NumberSyntax;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.lang.resolve.ResolvedAccess;

/**
 * Says why an access failed, from the access rules of TRACE-LANGUAGE.md §2 and REGISTERS.md
 * §1.1, in a message that names the rule and the fix.
 */
final class ErrnoExplanation {
    private ErrnoExplanation() {
    }

    /**
     * Why {@code a} failed with {@code errno}; {@code announced} is the errno the line names
     * instead (null when it names none), so the fix says to replace it rather than add one.
     */
    static String why(ResolvedAccess a, Errno errno, Errno announced, DeviceProfile p) {
        String op = a.statement().op().spelling();
        String at = op + " " + a.space() + " at " + Format.hex(a.offset());
        String announce = announced == null ? "add ! " + errno.name() : "write ! " + errno.name() + " instead of ! " + announced.name();
        String fix = " — or " + announce + " if the failure is what the line tests";
        String plain = "this device is plain vfio-pci (" + (p.cxl() == dev.cxltrace.device.profile.CxlMode.OFF ? "cxl=off"
                : "mem_capable=false") + ")";
        return switch (a.space()) {
            case CFG -> at + " ends past the 4K config space and fails with " + errno.name()
                    + "; keep offset + " + a.bytes() + " within 0x1000" + fix;
            case COMP -> {
                if (!p.cxlBound()) {
                    yield plain + ": it has no COMP_REGS region, so " + at + " fails with " + errno.name()
                            + "; reach the component block through bar" + p.compBar() + fix;
                }
                if (a.bytes() % 4 != 0 || a.offset() % 4 != 0) {
                    yield "comp takes r32/r64 at dword offsets; " + op + " at " + Format.hex(a.offset()) + " fails with "
                            + errno.name() + " — use " + (a.write() ? "w32" : "r32") + " at a multiple of 4, or " + announce;
                }
                yield "comp is 64K (" + Format.hex(RegisterCatalog.COMP_SIZE) + " bytes); " + at + " ends past it and fails with "
                        + errno.name() + fix;
            }
            case HDM -> {
                if (!p.cxlBound()) {
                    yield plain + ": it has no HDM region, so " + at + " fails with " + errno.name() + fix;
                }
                yield "hdm is " + NumberSyntax.formatSize(p.hdmSize()) + " (hdm_size); " + at + " ends past it and fails with "
                        + errno.name() + fix;
            }
            default -> {
                int n = a.space().barIndex();
                if (n != p.compBar()) {
                    yield "bar" + n + " is unused (region size 0), so " + at + " fails with " + errno.name()
                            + "; the component BAR is bar" + p.compBar() + fix;
                }
                long start = p.compOffset();
                long end = start + DeviceProfile.COMPONENT_BLOCK_SIZE;
                if (Long.compareUnsigned(a.offset(), p.barSize()) >= 0 || a.bytes() > p.barSize() - a.offset()) {
                    yield a.space() + " is " + NumberSyntax.formatSize(p.barSize()) + " (bar_size); " + at
                            + " ends past it and fails with " + errno.name() + fix;
                }
                yield at + " overlaps the component register block at " + Format.hex(start) + ".." + Format.hex(end - 1)
                        + ", which a CXL-bound device serves only through comp (the sparse mmap leaves it out); use comp"
                        + fix;
            }
        };
    }

    /** The device's creation errno, explained (REGISTERS.md §5.1). */
    static String creation(Errno errno, DeviceProfile p) {
        String why = switch (errno) {
            case EOPNOTSUPP -> p.decoders() != 1 ? "the passthrough supports one HDM decoder, the device has decoders=" + p.decoders()
                    : !p.firmwareCommitted() ? "firmware did not commit decoder 0 (firmware_committed=false)"
                    : "the committed decoder is interleaved (iw=" + p.iw() + "); the passthrough needs iw=0";
            case ENXIO -> "the 64K component block at comp_offset=" + Format.hex(p.compOffset()) + " does not fit in the "
                    + NumberSyntax.formatSize(p.barSize()) + " BAR (bar_size)";
            case EBUSY -> "another owner holds the HPA range (hpa_busy=true)";
            default -> errno.text();
        };
        return why;
    }
}
