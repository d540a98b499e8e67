package dev.cxltrace.device.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The address spaces a trace reaches (TRACE-LANGUAGE.md §2, REGISTERS.md §1.1). Only {@link #CFG}
 * and {@link #COMP} have register names; {@code hdm} is memory and {@code barN} is the BAR region.
 */
public enum Space {
    CFG(7),
    COMP(9),
    HDM(10),
    BAR0(0),
    BAR1(1),
    BAR2(2),
    BAR3(3),
    BAR4(4),
    BAR5(5);

    private final int defaultRegionIndex;

    Space(int defaultRegionIndex) {
        this.defaultRegionIndex = defaultRegionIndex;
    }

    /** The canonical spelling: {@code cfg}, {@code comp}, {@code hdm}, {@code bar0}… */
    public String canonicalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether registers of the catalog live in this space. */
    public boolean hasRegisters() {
        return this == CFG || this == COMP;
    }

    /** For {@code barN}, N; otherwise -1. */
    public int barIndex() {
        return ordinal() >= BAR0.ordinal() ? ordinal() - BAR0.ordinal() : -1;
    }

    /** The VFIO region index of this space on a CXL-bound device (COMP_REGS 9, HDM 10: §1.1). */
    public int regionIndex() {
        return defaultRegionIndex;
    }

    public static Space bar(int index) {
        return values()[BAR0.ordinal() + index];
    }

    /** Case-insensitive lookup of a space name. */
    public static Optional<Space> byName(String name) {
        for (Space s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return canonicalName();
    }
}
