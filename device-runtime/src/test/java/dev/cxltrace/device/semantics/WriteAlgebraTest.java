package dev.cxltrace.device.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cxltrace.device.catalog.DvsecRegisters;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generic write path of one register (STYLE.md §3): masks derived from the catalog's fields,
 * bits no field lists RO 0 unless the series applies one rule to the whole register (REGISTERS.md,
 * preamble), and one {@link Drop} per field and attribute with the gate and its setter.
 */
class WriteAlgebraTest {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final DeviceProfile TYPE2 = DeviceProfile.type2();
    private static final Provenance LINE_3 = Provenance.line(3);

    /** Gates for a test: which are closed; every setter is {@code setter}. */
    private record Gates(Set<Gate> closedGates, Provenance setter) implements GateState {
        static Gates allOpen() {
            return new Gates(EnumSet.noneOf(Gate.class), null);
        }

        static Gates closed(Gate gate, Provenance setter) {
            return new Gates(EnumSet.of(gate), setter);
        }

        @Override
        public boolean closed(Gate gate) {
            return closedGates.contains(gate);
        }

        @Override
        public FieldDef cause(Gate gate) {
            return switch (gate) {
                case CONFIG_LOCK -> DvsecRegisters.CONFIG_LOCK;
                case DEC0_LOCKED -> HdmDecoderRegisters.COMMITTED;
                case DEC0_SPEC -> HdmDecoderRegisters.LOCK_ON_COMMIT;
            };
        }

        @Override
        public Provenance setter(FieldDef field) {
            return setter;
        }
    }

    private static RegisterDef reg(String path) {
        return CATALOG.byPath(path).orElseThrow();
    }

    private static long mask(RegisterDef r, String... fields) {
        long m = 0;
        for (String f : fields) {
            m |= r.field(f).orElseThrow().mask();
        }
        return m;
    }

    // ---------------------------------------------------------------- masks

    @Test
    void everyAttributeMaskIsTheUnionOfItsFieldsAndCoversTheRegister() {
        for (RegisterDef r : CATALOG.registers()) {
            for (View view : View.values()) {
                Map<Attribute, Long> expected = new LinkedHashMap<>();
                long listed = 0;
                for (FieldDef f : r.fields(TYPE2)) {
                    Attribute a = view == View.EXEC ? r.execAttribute(f) : f.spec();
                    expected.merge(a, f.mask(), (x, y) -> x | y);
                    listed |= f.mask();
                }
                long unlisted = r.valueMask() & ~listed;
                if (unlisted != 0) {
                    Attribute a = view == View.EXEC ? r.execWhole().orElse(Attribute.RO) : Attribute.RO;
                    expected.merge(a, unlisted, (x, y) -> x | y);
                }
                WriteAlgebra algebra = WriteAlgebra.of(r, TYPE2, view);
                assertThat(algebra.register()).isSameAs(r);
                assertThat(algebra.view()).isEqualTo(view);
                long union = 0;
                for (Map.Entry<Attribute, Long> e : expected.entrySet()) {
                    assertThat(algebra.maskOf(e.getKey())).as("%s %s %s", r.path(), view, e.getKey().label())
                            .isEqualTo(e.getValue());
                    assertThat(algebra.attributeOf(e.getValue())).as("%s %s", r.path(), view).isEqualTo(e.getKey());
                    union |= e.getValue();
                }
                assertThat(union).as("%s %s covers every bit", r.path(), view).isEqualTo(r.valueMask());
            }
        }
    }

    @Test
    void commandMasksComeFromItsNamedFields() {
        RegisterDef command = reg("pci.command");
        WriteAlgebra exec = WriteAlgebra.of(command, TYPE2, View.EXEC);
        assertThat(exec.maskOf(Attribute.RW)).isEqualTo(mask(command, "IO", "MEM", "MASTER", "PARITY", "SERR", "INTX_DISABLE"));
        assertThat(exec.maskOf(Attribute.RO)).isEqualTo(mask(command, "SPECIAL", "INVALIDATE", "VGA_PALETTE", "WAIT", "FAST_BACK"));
        assertThat(exec.maskOf(Attribute.RSVD_P)).isEqualTo(mask(command, "RSVD"));
        assertThat(exec.maskOf(Attribute.RW1C)).isZero();
    }

    @Test
    void unlistedBitsAreReadOnlyZero() {
        // pci.status lists bits 3, 4, 8 and 11–15; the others are RO 0 in both views.
        RegisterDef status = reg("pci.status");
        long listed = mask(status, "INTERRUPT", "CAP_LIST", "PARITY_ERR", "SIG_TGT_ABORT", "RCV_TGT_ABORT",
                "RCV_MST_ABORT", "SIG_SYS_ERR", "DET_PARITY");
        for (View view : View.values()) {
            WriteAlgebra algebra = WriteAlgebra.of(status, TYPE2, view);
            assertThat(algebra.maskOf(Attribute.RO) & ~listed).as("%s", view).isEqualTo(status.valueMask() & ~listed);
        }
        assertThat(WriteAlgebra.of(status, TYPE2, View.SPEC).maskOf(Attribute.RW1C))
                .isEqualTo(mask(status, "PARITY_ERR", "SIG_TGT_ABORT", "RCV_TGT_ABORT", "RCV_MST_ABORT", "SIG_SYS_ERR", "DET_PARITY"));
        assertThat(WriteAlgebra.of(status, TYPE2, View.EXEC).maskOf(Attribute.RO)).isEqualTo(status.valueMask());
    }

    @Test
    void registerWithoutFieldsIsReadOnlyZero() {
        RegisterDef devsta = reg("pcie.devsta");
        assertThat(devsta.fields()).isEmpty();
        WriteAlgebra algebra = WriteAlgebra.of(devsta, TYPE2, View.EXEC);
        assertThat(algebra.maskOf(Attribute.RO)).isEqualTo(devsta.valueMask());
        assertThat(algebra.apply(0, 0xFFFF, 0xFFFF, Gates.allOpen())).isZero();
        assertThat(algebra.drops(0, 0xFFFF, 0xFFFF, Gates.allOpen())).singleElement().satisfies(d -> {
            assertThat(d.field()).isNull();
            assertThat(d.register()).isSameAs(devsta);
            assertThat(d.mask()).isEqualTo(devsta.valueMask());
            assertThat(d.reason()).isEqualTo(DropReason.READ_ONLY);
        });
    }

    @Test
    void wholeRegisterExecAttributeCoversUnlistedBits() {
        RegisterDef r = RegisterDef.reg("test.whole", Space.CFG, 0x0, 16).exec(Attribute.RW1C)
                .field("LOW", 3, 0, Attribute.RW, 0, "Low nibble.").build();
        WriteAlgebra exec = WriteAlgebra.of(r, TYPE2, View.EXEC);
        assertThat(exec.maskOf(Attribute.RW1C)).isEqualTo(0xFFFF);
        assertThat(exec.maskOf(Attribute.RO)).isZero();
        assertThat(exec.apply(0xF0F0, 0xFFFF, 0xFFFF, Gates.allOpen())).isZero();

        WriteAlgebra spec = WriteAlgebra.of(r, TYPE2, View.SPEC);
        assertThat(spec.maskOf(Attribute.RW)).isEqualTo(0x000F);
        assertThat(spec.maskOf(Attribute.RO)).isEqualTo(0xFFF0);
    }

    @Test
    void withoutWholeRegisterAttributeUnlistedBitsDropAsReadOnlyWithoutAField() {
        RegisterDef r = RegisterDef.reg("test.partial", Space.CFG, 0x0, 16)
                .field("LOW", 3, 0, Attribute.RW, 0, "Low nibble.").build();
        WriteAlgebra exec = WriteAlgebra.of(r, TYPE2, View.EXEC);
        assertThat(exec.maskOf(Attribute.RW)).isEqualTo(0x000F);
        assertThat(exec.maskOf(Attribute.RO)).isEqualTo(0xFFF0);
        assertThat(exec.apply(0, 0xFFFF, 0xFFFF, Gates.allOpen())).isEqualTo(0x000F);
        assertThat(exec.dropped(0, 0xFFFF, 0xFFFF, Gates.allOpen())).isEqualTo(0xFFF0);
        assertThat(exec.drops(0, 0xFFFF, 0xFFFF, Gates.allOpen()))
                .extracting(Drop::field, Drop::mask, Drop::reason)
                .containsExactly(tuple(null, 0xFFF0L, DropReason.READ_ONLY));
    }

    @Test
    void profileDependentLayoutGivesTheBarItsSizeBits() {
        DeviceProfile twoMegabytes = new DeviceProfile("t", TYPE2.hdmSize(), TYPE2.hpaBase(), 1, 0, true, false, false,
                2, 0, 2L << 20, true, TYPE2.cxl(), false);
        RegisterDef bar2 = reg("pci.bar2");
        assertThat(WriteAlgebra.of(bar2, twoMegabytes, View.EXEC).maskOf(Attribute.RW))
                .isEqualTo(bar2.field("BASE", twoMegabytes).orElseThrow().mask());
        assertThat(WriteAlgebra.of(bar2, TYPE2, View.EXEC).maskOf(Attribute.RW)).isZero();
    }

    // ---------------------------------------------------------------- apply, dropped, drops

    @Test
    void readOnlyAndReservedBitsDropPerFieldWithTheirReasons() {
        RegisterDef command = reg("pci.command");
        WriteAlgebra algebra = WriteAlgebra.of(command, TYPE2, View.EXEC);
        long old = command.resetValue(TYPE2);
        long rw = algebra.maskOf(Attribute.RW);

        assertThat(algebra.apply(old, 0xFFFF, 0xFFFF, Gates.allOpen())).isEqualTo(rw);
        assertThat(algebra.dropped(old, 0xFFFF, 0xFFFF, Gates.allOpen())).isEqualTo(command.valueMask() & ~rw);
        assertThat(algebra.drops(old, 0xFFFF, 0xFFFF, Gates.allOpen()))
                .extracting(d -> d.field().name(), Drop::mask, Drop::reason, Drop::attribute)
                .containsExactly(
                        tuple("SPECIAL", mask(command, "SPECIAL"), DropReason.READ_ONLY, Attribute.RO),
                        tuple("INVALIDATE", mask(command, "INVALIDATE"), DropReason.READ_ONLY, Attribute.RO),
                        tuple("VGA_PALETTE", mask(command, "VGA_PALETTE"), DropReason.READ_ONLY, Attribute.RO),
                        tuple("WAIT", mask(command, "WAIT"), DropReason.READ_ONLY, Attribute.RO),
                        tuple("FAST_BACK", mask(command, "FAST_BACK"), DropReason.READ_ONLY, Attribute.RO),
                        tuple("RSVD", mask(command, "RSVD"), DropReason.RESERVED, Attribute.RSVD_P));
        assertThat(algebra.drops(old, 0xFFFF, 0xFFFF, Gates.allOpen())).allSatisfy(d -> {
            assertThat(d.register()).isSameAs(command);
            assertThat(d.gate()).isEmpty();
            assertThat(d.cause()).isNull();
            assertThat(d.setter()).isNull();
        });
    }

    @Test
    void partialByteEnablesLimitChangesAndDropsToTheCoveredByte() {
        RegisterDef command = reg("pci.command");
        WriteAlgebra algebra = WriteAlgebra.of(command, TYPE2, View.EXEC);
        long old = command.resetValue(TYPE2);
        long rw = algebra.maskOf(Attribute.RW);

        assertThat(algebra.apply(old, 0xFFFF, 0x00FF, Gates.allOpen())).isEqualTo((rw & 0x00FF) | (old & 0xFF00));
        assertThat(algebra.drops(old, 0xFFFF, 0x00FF, Gates.allOpen())).extracting(d -> d.field().name())
                .containsExactly("SPECIAL", "INVALIDATE", "VGA_PALETTE", "WAIT");
        assertThat(algebra.drops(old, 0xFFFF, 0xFF00, Gates.allOpen())).extracting(d -> d.field().name())
                .containsExactly("FAST_BACK", "RSVD");
    }

    @Test
    void lockedWriteIsDroppedPerFieldAndNamesTheGateItsCauseAndSetter() {
        RegisterDef control = DvsecRegisters.CONTROL;
        WriteAlgebra exec = WriteAlgebra.of(control, TYPE2, View.EXEC);
        long old = control.resetValue(TYPE2);
        Gates locked = Gates.closed(Gate.CONFIG_LOCK, LINE_3);
        long w = control.field("CACHE_SF_COVERAGE").orElseThrow().place(1);   // and CACHE/IO/MEM_ENABLE written 0

        assertThat(exec.apply(old, w, 0xFFFF, locked)).isEqualTo(old);
        assertThat(exec.dropped(old, w, 0xFFFF, locked)).isEqualTo(old ^ w);
        assertThat(exec.drops(old, w, 0xFFFF, locked))
                .extracting(d -> d.field().name(), Drop::mask)
                .containsExactly(
                        tuple("CACHE_ENABLE", mask(control, "CACHE_ENABLE")),
                        tuple("IO_ENABLE", mask(control, "IO_ENABLE")),
                        tuple("MEM_ENABLE", mask(control, "MEM_ENABLE")),
                        tuple("CACHE_SF_COVERAGE", w));
        assertThat(exec.drops(old, w, 0xFFFF, locked)).allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.LOCKED);
            assertThat(d.attribute()).isEqualTo(Attribute.rwl(Gate.CONFIG_LOCK));
            assertThat(d.gate()).contains(Gate.CONFIG_LOCK);
            assertThat(d.cause()).isSameAs(DvsecRegisters.CONFIG_LOCK);
            assertThat(d.setter()).isEqualTo(LINE_3);
        });
    }

    @Test
    void lockedFieldWithItsGateOpenTakesTheWrite() {
        WriteAlgebra exec = WriteAlgebra.of(DvsecRegisters.CONTROL, TYPE2, View.EXEC);
        long old = DvsecRegisters.CONTROL.resetValue(TYPE2);
        assertThat(old).isNotZero();
        assertThat(exec.apply(old, 0x0000, 0xFFFF, Gates.allOpen())).isZero();
        assertThat(exec.drops(old, 0x0000, 0xFFFF, Gates.allOpen())).isEmpty();
    }

    @Test
    void writingBackTheCurrentValueOfALockedRegisterIsSilent() {
        WriteAlgebra exec = WriteAlgebra.of(DvsecRegisters.CONTROL, TYPE2, View.EXEC);
        Gates locked = Gates.closed(Gate.CONFIG_LOCK, LINE_3);
        long old = DvsecRegisters.CONTROL.resetValue(TYPE2);
        assertThat(exec.dropped(old, old, 0xFFFF, locked)).isZero();
        assertThat(exec.drops(old, old, 0xFFFF, locked)).isEmpty();
    }

    @Test
    void specViewSeparatesLockedFieldsFromReadOnlyOnes() {
        RegisterDef control = DvsecRegisters.CONTROL;
        WriteAlgebra spec = WriteAlgebra.of(control, TYPE2, View.SPEC);
        Gates locked = Gates.closed(Gate.CONFIG_LOCK, LINE_3);
        long old = control.resetValue(TYPE2);

        assertThat(spec.drops(old, 0, 0xFFFF, locked))
                .extracting(d -> d.field().name(), Drop::reason, Drop::gate, Drop::setter)
                .containsExactly(
                        tuple("CACHE_ENABLE", DropReason.LOCKED, Optional.of(Gate.CONFIG_LOCK), LINE_3),
                        tuple("IO_ENABLE", DropReason.READ_ONLY, Optional.empty(), null),
                        tuple("MEM_ENABLE", DropReason.LOCKED, Optional.of(Gate.CONFIG_LOCK), LINE_3));
        // With the gate open only the read-only IO_ENABLE refuses to change.
        assertThat(spec.apply(old, 0, 0xFFFF, Gates.allOpen())).isEqualTo(mask(control, "IO_ENABLE"));
    }

    @Test
    void latchedWriteOnceBitReportsAnAttemptToClearIt() {
        RegisterDef lock = DvsecRegisters.LOCK;
        WriteAlgebra exec = WriteAlgebra.of(lock, TYPE2, View.EXEC);
        long latched = DvsecRegisters.CONFIG_LOCK.place(1);
        assertThat(exec.apply(latched, 0, 0xFFFF, Gates.allOpen())).isEqualTo(latched);
        assertThat(exec.drops(latched, 0, 0xFFFF, Gates.allOpen()))
                .extracting(d -> d.field().name(), Drop::mask, Drop::reason)
                .containsExactly(tuple("CONFIG_LOCK", latched, DropReason.LATCHED));
        assertThat(exec.apply(0, 0xFFFF, 0xFFFF, Gates.allOpen())).isEqualTo(latched);
        assertThat(exec.drops(0, 0xFFFF, 0xFFFF, Gates.allOpen()))
                .extracting(d -> d.field().name(), Drop::mask, Drop::reason)
                .containsExactly(tuple("RSVD", mask(lock, "RSVD"), DropReason.READ_ONLY));
    }

    @Test
    void reservedZeroBitsDropNonZeroDataWhileStatusBitsClear() {
        RegisterDef status = DvsecRegisters.STATUS;
        WriteAlgebra spec = WriteAlgebra.of(status, TYPE2, View.SPEC);
        long viral = mask(status, "VIRAL_STATUS");
        long w = viral | 0x0001 | mask(status, "RSVD15");
        assertThat(spec.apply(viral, w, 0xFFFF, Gates.allOpen())).isZero();
        assertThat(spec.drops(viral, w, 0xFFFF, Gates.allOpen()))
                .extracting(d -> d.field().name(), Drop::mask, Drop::reason)
                .containsExactly(tuple("RSVD", 0x0001L, DropReason.RESERVED),
                        tuple("RSVD15", mask(status, "RSVD15"), DropReason.RESERVED));

        WriteAlgebra exec = WriteAlgebra.of(status, TYPE2, View.EXEC);
        assertThat(exec.apply(viral, w, 0xFFFF, Gates.allOpen())).isZero();
        assertThat(exec.drops(viral, w, 0xFFFF, Gates.allOpen())).isEmpty();
    }

    @Test
    void dropOfAFieldAndOfUnlistedBitsOfTheSameAttributeAreSeparate() {
        RegisterDef lnkctl2 = reg("pcie.lnkctl2");
        WriteAlgebra exec = WriteAlgebra.of(lnkctl2, TYPE2, View.EXEC);
        long old = lnkctl2.resetValue(TYPE2);
        long speed = mask(lnkctl2, "TARGET_SPEED");
        assertThat(exec.drops(old, 0xFFFF, 0xFFFF, Gates.allOpen()))
                .extracting(d -> d.field() == null ? null : d.field().name(), Drop::mask, Drop::reason)
                .containsExactly(tuple("TARGET_SPEED", speed & ~old, DropReason.READ_ONLY),
                        tuple(null, 0xFFFF & ~speed, DropReason.READ_ONLY));
    }

    @Test
    void decoderBaseIsLockedInExecButOpenInSpecWhileOnlyCommitted() {
        RegisterDef baseHi = HdmDecoderRegisters.BASE_HI;
        Gates committed = Gates.closed(Gate.DEC0_LOCKED, Provenance.parameter("firmware_committed"));
        long old = baseHi.resetValue(TYPE2);
        assertThat(WriteAlgebra.of(baseHi, TYPE2, View.EXEC).drops(old, 0, 0xFFFF_FFFFL, committed))
                .singleElement().satisfies(d -> {
                    assertThat(d.field().name()).isEqualTo("MEMORY_BASE_HIGH");
                    assertThat(d.mask()).isEqualTo(old);
                    assertThat(d.gate()).contains(Gate.DEC0_LOCKED);
                    assertThat(d.cause()).isSameAs(HdmDecoderRegisters.COMMITTED);
                    assertThat(d.setter()).isEqualTo(Provenance.parameter("firmware_committed"));
                });
        assertThat(WriteAlgebra.of(baseHi, TYPE2, View.SPEC).apply(old, 0, 0xFFFF_FFFFL, committed)).isZero();
    }

    // ---------------------------------------------------------------- properties

    @Test
    void changedAndDroppedMasksAreDisjointInsideTheByteEnablesAndDropsAddUp() {
        List<RegisterDef> registers = CATALOG.registers();
        // byteEnablesAndGates: bits 7:0 enable bytes 0–7, bit 8 closes every gate.
        qt().forAll(integers().between(0, registers.size() - 1), longs().all(), longs().all(), integers().between(0, 511))
                .checkAssert((index, oldBits, w, byteEnablesAndGates) -> {
            int byteEnables = byteEnablesAndGates & 0xFF;
            boolean gatesClosed = (byteEnablesAndGates & 0x100) != 0;
            RegisterDef r = registers.get(index);
            for (View view : View.values()) {
                WriteAlgebra algebra = WriteAlgebra.of(r, TYPE2, view);
                // Action bits read 0, so no state holds a 1 in them.
                long old = oldBits & r.valueMask() & ~algebra.maskOf(Attribute.RWA);
                long be = 0;
                for (int b = 0; b < 8; b++) {
                    if ((byteEnables & (1 << b)) != 0) {
                        be |= 0xFFL << (8 * b);
                    }
                }
                be &= r.valueMask();
                long written = w & r.valueMask();
                GateState gates = gatesClosed ? new Gates(EnumSet.allOf(Gate.class), LINE_3) : Gates.allOpen();

                long next = algebra.apply(old, written, be, gates);
                long dropped = algebra.dropped(old, written, be, gates);
                long changed = next ^ old;
                assertThat(changed & ~be).as("%s %s changed outside be", r.path(), view).isZero();
                assertThat(dropped & ~be).as("%s %s dropped outside be", r.path(), view).isZero();
                assertThat(changed & dropped).as("%s %s changed and dropped", r.path(), view).isZero();
                assertThat(next & ~r.valueMask()).isZero();

                long union = 0;
                for (Drop d : algebra.drops(old, written, be, gates)) {
                    assertThat(union & d.mask()).as("%s %s drops overlap", r.path(), view).isZero();
                    union |= d.mask();
                    assertThat(d.reason()).isEqualTo(d.attribute().reason());
                    assertThat(algebra.maskOf(d.attribute()) & d.mask()).isEqualTo(d.mask());
                    if (d.field() != null) {
                        assertThat(d.field().mask() & d.mask()).isEqualTo(d.mask());
                    }
                    assertThat(d.gate()).isEqualTo(d.attribute().gate());
                    if (d.gate().isPresent()) {
                        assertThat(d.setter()).isEqualTo(LINE_3);
                        assertThat(d.cause()).isNotNull();
                    }
                }
                assertThat(union).as("%s %s drops add up", r.path(), view).isEqualTo(dropped);
            }
        });
    }
}
