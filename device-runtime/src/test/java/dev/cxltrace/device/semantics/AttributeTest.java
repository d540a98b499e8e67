package dev.cxltrace.device.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cxltrace.device.catalog.Gate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The write algebra of REGISTERS.md §2.1, one table row per attribute: {@code new = f(old, w, be)}
 * and when the write is reported as dropped, on concrete values with full and partial byte
 * enables.
 */
class AttributeTest {
    private static final Attribute RWL = Attribute.rwl(Gate.CONFIG_LOCK);

    /**
     * attribute, gate, old, w, be, new, dropped, reason ({@code -} where the attribute never drops,
     * so it has no reason to report).
     */
    @ParameterizedTest(name = "{0} gate={1}: old={2} w={3} be={4} -> new={5} dropped={6} {7}")
    @CsvSource(textBlock = """
            RO,     open,   0x00F0, 0x0F0F, 0xFFFF, 0x00F0, 0x0FFF, READ_ONLY
            RO,     open,   0x00F0, 0x0F0F, 0x00FF, 0x00F0, 0x00FF, READ_ONLY
            RO,     open,   0x00F0, 0x0F0F, 0x0000, 0x00F0, 0x0000, READ_ONLY
            RO,     open,   0x1234, 0x1234, 0xFFFF, 0x1234, 0x0000, READ_ONLY
            HwInit, open,   0x00F0, 0x0F0F, 0xFFFF, 0x00F0, 0x0FFF, READ_ONLY
            HwInit, open,   0x00F0, 0x0F0F, 0xFF00, 0x00F0, 0x0F00, READ_ONLY
            HwInit, open,   0x1234, 0x1234, 0xFFFF, 0x1234, 0x0000, READ_ONLY
            RsvdP,  open,   0x00F0, 0x0F0F, 0xFFFF, 0x00F0, 0x0FFF, RESERVED
            RsvdP,  open,   0x00F0, 0x0F0F, 0xFF00, 0x00F0, 0x0F00, RESERVED
            RsvdP,  open,   0x00F0, 0x00F0, 0xFFFF, 0x00F0, 0x0000, RESERVED
            RsvdZ,  open,   0x0000, 0x0101, 0xFFFF, 0x0000, 0x0101, RESERVED
            RsvdZ,  open,   0x0000, 0x0101, 0x00FF, 0x0000, 0x0001, RESERVED
            RsvdZ,  open,   0x0000, 0x0000, 0xFFFF, 0x0000, 0x0000, RESERVED
            RsvdZ,  open,   0x0010, 0x0010, 0xFFFF, 0x0010, 0x0010, RESERVED
            RW,     open,   0x00F0, 0x0F0F, 0xFFFF, 0x0F0F, 0x0000, -
            RW,     open,   0x00F0, 0x0F0F, 0x00FF, 0x000F, 0x0000, -
            RW,     open,   0x00F0, 0x0F0F, 0xFF00, 0x0FF0, 0x0000, -
            RW,     open,   0x00F0, 0x0F0F, 0x0000, 0x00F0, 0x0000, -
            RWO,    open,   0x0000, 0x0001, 0x00FF, 0x0001, 0x0000, LATCHED
            RWO,    open,   0x0001, 0x0001, 0x00FF, 0x0001, 0x0000, LATCHED
            RWO,    open,   0x0001, 0x0000, 0x00FF, 0x0001, 0x0001, LATCHED
            RWO,    open,   0x0000, 0x0000, 0x00FF, 0x0000, 0x0000, LATCHED
            RWO,    open,   0x0000, 0x0001, 0xFF00, 0x0000, 0x0000, LATCHED
            RWO,    open,   0x0001, 0x0000, 0xFF00, 0x0001, 0x0000, LATCHED
            RWL,    open,   0x0107, 0x0000, 0xFFFF, 0x0000, 0x0000, LOCKED
            RWL,    open,   0x0107, 0x0000, 0x00FF, 0x0100, 0x0000, LOCKED
            RWL,    open,   0x0107, 0xFFFF, 0xFF00, 0xFF07, 0x0000, LOCKED
            RWL,    closed, 0x0107, 0x0000, 0xFFFF, 0x0107, 0x0107, LOCKED
            RWL,    closed, 0x0107, 0x0000, 0xFF00, 0x0107, 0x0100, LOCKED
            RWL,    closed, 0x0107, 0x0107, 0xFFFF, 0x0107, 0x0000, LOCKED
            RWL,    closed, 0x0107, 0xFF07, 0x00FF, 0x0107, 0x0000, LOCKED
            RW1C,   open,   0x8001, 0x8000, 0xFFFF, 0x0001, 0x0000, -
            RW1C,   open,   0x8001, 0x8001, 0x00FF, 0x8000, 0x0000, -
            RW1C,   open,   0x8001, 0x8001, 0xFF00, 0x0001, 0x0000, -
            RW1C,   open,   0x8001, 0x0000, 0xFFFF, 0x8001, 0x0000, -
            RW1C,   open,   0x0000, 0xFFFF, 0xFFFF, 0x0000, 0x0000, -
            RWA,    open,   0x0000, 0x0001, 0x00FF, 0x0000, 0x0000, -
            RWA,    open,   0x0000, 0x0000, 0x00FF, 0x0000, 0x0000, -
            RWA,    open,   0x0000, 0x0001, 0xFF00, 0x0000, 0x0000, -
            """)
    void attributeAppliesTheTableOfRegistersSection21(String attribute, String gate, String old, String w, String be,
            String expectedNew, String expectedDropped, String reason) {
        Attribute a = attribute(attribute);
        boolean closed = gate.equals("closed");
        long o = Long.decode(old);
        long wr = Long.decode(w);
        long b = Long.decode(be);

        assertThat(a.apply(o, wr, b, closed)).as("new value").isEqualTo(Long.decode(expectedNew));
        assertThat(a.dropped(o, wr, b, closed)).as("dropped bits").isEqualTo(Long.decode(expectedDropped));
        if (!reason.equals("-")) {
            assertThat(a.reason()).isEqualTo(DropReason.valueOf(reason));
        }
    }

    @ParameterizedTest(name = "{0} is spelled {1}")
    @CsvSource(textBlock = """
            RO,     RO
            HwInit, HwInit
            RsvdP,  RsvdP
            RsvdZ,  RsvdZ
            RW,     RW
            RWO,    RWO
            RWL,    RWL(CONFIG_LOCK)
            RW1C,   RW1C
            RWA,    RW (action)
            """)
    void attributeLabelIsTheSpecificationSpelling(String attribute, String label) {
        assertThat(attribute(attribute).label()).isEqualTo(label);
        assertThat(attribute(attribute).meaning()).isNotBlank();
    }

    @Test
    void onlyTheLockedAttributeHasAGate() {
        assertThat(Attribute.rwl(Gate.DEC0_LOCKED).gate()).contains(Gate.DEC0_LOCKED);
        assertThat(Attribute.rwl(Gate.DEC0_LOCKED)).isEqualTo(Attribute.rwl(Gate.DEC0_LOCKED))
                .isNotEqualTo(Attribute.rwl(Gate.DEC0_SPEC));
        for (Attribute.Basic b : Attribute.Basic.values()) {
            assertThat(b.gate()).as(b.label()).isEmpty();
        }
    }

    @Test
    void unmodelledBitsReadZeroAndReportOnlyNonZeroData() {
        // REGISTERS.md, preamble and §2.4: W-UNMODELLED is reported only for non-zero written bytes.
        Attribute a = Attribute.UNMODELLED;
        assertThat(a.apply(0, 0xFF00, 0xFFFF, false)).isZero();
        assertThat(a.dropped(0, 0xFF00, 0xFFFF, false)).isEqualTo(0xFF00);
        assertThat(a.dropped(0, 0xFF00, 0x00FF, false)).isZero();
        assertThat(a.dropped(0, 0, 0xFFFF, false)).isZero();
        assertThat(a.reason()).isEqualTo(DropReason.UNMODELLED);
    }

    @Test
    void droppedBitsLieInsideTheByteEnables() {
        for (Attribute a : allAttributes()) {
            qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                    (a.dropped(old, w, be, true) & ~be) == 0 && (a.dropped(old, w, be, false) & ~be) == 0);
        }
    }

    @Test
    void onlyEnabledBitsChangeExceptForActionBitsThatReadZero() {
        for (Attribute a : allAttributes()) {
            if (a == Attribute.RWA) {
                continue;
            }
            qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                    ((a.apply(old, w, be, false) ^ old) & ~be) == 0 && ((a.apply(old, w, be, true) ^ old) & ~be) == 0);
        }
        qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) -> Attribute.RWA.apply(old, w, be, false) == 0);
    }

    @Test
    void droppedBitsNeverChange() {
        for (Attribute a : allAttributes()) {
            for (boolean closed : new boolean[] {false, true}) {
                qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                        (a.dropped(old, w, be, closed) & (a.apply(old, w, be, closed) ^ old)) == 0);
            }
        }
    }

    @Test
    void writingZeroToRw1cChangesNothing() {
        qt().forAll(longs().all(), longs().all()).check((old, be) ->
                Attribute.RW1C.apply(old, 0, be, false) == old && Attribute.RW1C.dropped(old, 0, be, false) == 0);
    }

    @Test
    void lockedAttributeWithItsGateClosedActsAsReadOnly() {
        Attribute rwl = Attribute.rwl(Gate.DEC0_LOCKED);
        qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                rwl.apply(old, w, be, true) == Attribute.RO.apply(old, w, be, false)
                        && rwl.dropped(old, w, be, true) == Attribute.RO.dropped(old, w, be, false));
    }

    @Test
    void lockedAttributeWithItsGateOpenActsAsReadWrite() {
        qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                RWL.apply(old, w, be, false) == Attribute.RW.apply(old, w, be, false)
                        && RWL.dropped(old, w, be, false) == 0);
    }

    @Test
    void aGateMattersOnlyToTheLockedAttribute() {
        for (Attribute.Basic a : Attribute.Basic.values()) {
            qt().forAll(longs().all(), longs().all(), longs().all()).check((old, w, be) ->
                    a.apply(old, w, be, true) == a.apply(old, w, be, false)
                            && a.dropped(old, w, be, true) == a.dropped(old, w, be, false));
        }
    }

    @Test
    void writeOnceBitStaysSetWhateverIsWritten() {
        qt().forAll(longs().all(), longs().all()).check((w, be) -> (Attribute.RWO.apply(1, w, be, false) & 1) == 1);
    }

    private static Attribute[] allAttributes() {
        Attribute.Basic[] basic = Attribute.Basic.values();
        Attribute[] all = new Attribute[basic.length + 1];
        System.arraycopy(basic, 0, all, 0, basic.length);
        all[basic.length] = RWL;
        return all;
    }

    private static Attribute attribute(String name) {
        return switch (name) {
            case "RO" -> Attribute.RO;
            case "HwInit" -> Attribute.HW_INIT;
            case "RsvdP" -> Attribute.RSVD_P;
            case "RsvdZ" -> Attribute.RSVD_Z;
            case "RW" -> Attribute.RW;
            case "RWO" -> Attribute.RWO;
            case "RWL" -> RWL;
            case "RW1C" -> Attribute.RW1C;
            case "RWA" -> Attribute.RWA;
            default -> throw new IllegalArgumentException("no attribute " + name + " in REGISTERS.md §2.1");
        };
    }
}
