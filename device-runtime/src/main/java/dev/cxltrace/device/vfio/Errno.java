package dev.cxltrace.device.vfio;

import java.util.Optional;

/** The errnos a trace can name (TRACE-LANGUAGE.md, lexical rules), with Linux's numbers. */
public enum Errno {
    EPERM(1, "operation not permitted"),
    EIO(5, "input/output error"),
    ENXIO(6, "no such device or address"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    ENODEV(19, "no such device"),
    EINVAL(22, "invalid argument"),
    ENOTTY(25, "inappropriate ioctl for device"),
    ERANGE(34, "result out of range"),
    EOPNOTSUPP(95, "operation not supported");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    public int number() {
        return number;
    }

    /** What strerror says, for messages. */
    public String text() {
        return text;
    }

    public static Optional<Errno> byName(String name) {
        for (Errno e : values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
