package dev.cxltrace.device.profile;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Integers as the trace language writes them (TRACE-LANGUAGE.md, lexical rules): decimal,
 * {@code 0x} hexadecimal or {@code 0b} binary, {@code _} between digits, unsigned, at most 64
 * bits; and sizes, a decimal integer with an optional binary suffix K, M, G or T.
 */
public final class NumberSyntax {
    private NumberSyntax() {
    }

    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64);

    /** The value of an integer literal, or empty if the text is not one or exceeds 64 bits. */
    public static OptionalLong parseInteger(String text) {
        long fast = fastParse(text);
        if (fast != NOT_FAST) {
            return OptionalLong.of(fast);
        }
        String t = text.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        }
        if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
            return OptionalLong.empty();
        }
        String digits = t.replace("_", "");
        int significant = -1;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return OptionalLong.empty();
            }
            if (significant < 0 && d != 0) {
                significant = i;
            }
        }
        if (significant < 0) {
            return OptionalLong.of(0);
        }
        // More significant digits than 2^64 has cannot fit; the check keeps BigInteger, whose
        // conversion is superlinear, away from a literal of megabytes.
        int maxDigits = radix == 2 ? 64 : radix == 16 ? 16 : 20;
        if (digits.length() - significant > maxDigits) {
            return OptionalLong.empty();
        }
        BigInteger v = new BigInteger(digits, radix);
        return v.compareTo(MAX) >= 0 ? OptionalLong.empty() : OptionalLong.of(v.longValue());
    }

    private static final long NOT_FAST = Long.MIN_VALUE + 0x5EED;

    /**
     * The common literals (decimal below 10^18, hexadecimal up to 15 digits, with separators) without
     * allocating; {@link #NOT_FAST} sends anything else to the exact path.
     */
    private static long fastParse(String t) {
        int n = t.length();
        if (n == 0 || n > 24) {
            return NOT_FAST;
        }
        int i = 0;
        int radix = 10;
        if (n > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            radix = 16;
            i = 2;
        }
        long v = 0;
        int digits = 0;
        char prev = 'x';
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (prev == '_' || digits == 0) {
                    return NOT_FAST;
                }
                prev = c;
                continue;
            }
            int d = Character.digit(c, radix);
            if (d < 0) {
                return NOT_FAST;
            }
            v = v * radix + d;
            digits++;
            prev = c;
        }
        if (prev == '_' || digits == 0 || (radix == 16 ? digits > 15 : digits > 18)) {
            return NOT_FAST;
        }
        return v;
    }

    /** The value of an integer or a size ({@code 256M}), or empty. */
    public static OptionalLong parseSize(String text) {
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        int shift = switch (last) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> -1;
        };
        if (shift < 0) {
            return parseInteger(text);
        }
        String number = text.substring(0, text.length() - 1);
        String lower = number.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("0b")) {
            return OptionalLong.empty();   // a suffix never follows a hexadecimal or binary literal
        }
        OptionalLong v = parseInteger(number);
        if (v.isEmpty() || Long.numberOfLeadingZeros(v.getAsLong()) < shift) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.getAsLong() << shift);
    }

    /** A size in the shortest exact form: {@code 256M}, {@code 1T}, else hexadecimal. */
    public static String formatSize(long value) {
        String[] suffixes = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < shifts.length; i++) {
            long unit = 1L << shifts[i];
            if (value != 0 && value % unit == 0 && Long.compareUnsigned(value, unit) >= 0) {
                return Long.toUnsignedString(value / unit) + suffixes[i];
            }
        }
        return "0x" + Long.toHexString(value);
    }
}
