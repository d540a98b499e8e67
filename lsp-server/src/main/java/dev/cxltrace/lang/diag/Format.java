package dev.cxltrace.lang.diag;

/** Canonical spellings of values in messages: {@code 0x} hex with {@code _} every four digits. */
public final class Format {
    private Format() {
    }

    public static String hex(long v) {
        return grouped(Long.toHexString(v));
    }

    /** With every digit of a {@code bits}-wide value: {@code 0x0000_0600} for 32 bits. */
    public static String hex(long v, int bits) {
        String digits = Long.toHexString(v);
        int want = Math.max(1, bits / 4);
        return grouped("0".repeat(Math.max(0, want - digits.length())) + digits);
    }

    private static String grouped(String h) {
        StringBuilder b = new StringBuilder("0x");
        int lead = h.length() % 4 == 0 ? 4 : h.length() % 4;
        b.append(h, 0, lead);
        for (int i = lead; i < h.length(); i += 4) {
            b.append('_').append(h, i, i + 4);
        }
        return b.toString();
    }

    /** A field value: decimal below 10, hex above. */
    public static String field(long v) {
        return Long.compareUnsigned(v, 10) < 0 ? Long.toString(v) : hex(v);
    }

    /** A bit range {@code 7:3} or {@code 2} of a mask. */
    public static String bits(long mask) {
        int lo = Long.numberOfTrailingZeros(mask);
        int hi = 63 - Long.numberOfLeadingZeros(mask);
        return hi == lo ? Integer.toString(lo) : hi + ":" + lo;
    }
}
