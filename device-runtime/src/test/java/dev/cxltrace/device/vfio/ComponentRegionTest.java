package dev.cxltrace.device.vfio;

import static dev.cxltrace.device.Fixtures.drops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.CacheMemRegisters;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The COMP_REGS region of a CXL-bound device: the dword rule (REGISTERS.md §5.5), the dispatch of
 * each dword (§1.2, §4.1), the read-only CM snapshot (§4.2), and the host copy that no guest
 * access reaches (§1.3).
 */
class ComponentRegionTest {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final Provenance LINE = Provenance.line(5);

    private final VfioDevice device = VfioDevice.create(DeviceProfile.type2()).device();

    private long read(long offset, int bytes) {
        AccessResult r = device.read(Space.COMP, offset, bytes);
        assertThat(r.errno()).as("r%d comp 0x%x", 8 * bytes, offset).isNull();
        return r.value();
    }

    private AccessResult write(long offset, int bytes, long value) {
        AccessResult r = device.write(Space.COMP, offset, bytes, value, LINE);
        assertThat(r.errno()).as("w%d comp 0x%x", 8 * bytes, offset).isNull();
        return r;
    }


    private static long mask(String field) {
        return HdmDecoderRegisters.CTRL.field(field).orElseThrow().mask();
    }

    // ---------------------------------------------------------------- the dword rule (§5.5)

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 2})
    void byteAndWordAccessesAlwaysFailWithEinval(int bytes) {
        for (long offset : new long[] {0x0, 0x1000, 0x1030, 0x1040, 0xfffc}) {
            assertThat(device.read(Space.COMP, offset, bytes).errno()).as("read at 0x%x", offset).isEqualTo(Errno.EINVAL);
            AccessResult w = device.write(Space.COMP, offset, bytes, 0, LINE);
            assertThat(w.errno()).as("write at 0x%x", offset).isEqualTo(Errno.EINVAL);
            assertThat(w.outcomes()).isEmpty();
        }
    }

    @ParameterizedTest(name = "offset 0x{0}, {1} bytes")
    @CsvSource({"1001, 4", "1002, 4", "1003, 4", "1032, 4", "1002, 8", "1006, 8", "1, 4"})
    void offsetsThatAreNotDwordMultiplesFailWithEinval(String offset, int bytes) {
        long o = Long.parseLong(offset, 16);
        assertThat(device.read(Space.COMP, o, bytes).errno()).isEqualTo(Errno.EINVAL);
        assertThat(device.write(Space.COMP, o, bytes, 0, LINE).errno()).isEqualTo(Errno.EINVAL);
    }

    @ParameterizedTest(name = "offset 0x{0}, {1} bytes")
    @CsvSource({"10000, 4", "fffc, 8", "10000, 8", "fffffffc, 4"})
    void accessesPastTheEndOfTheRegionFailWithEinval(String offset, int bytes) {
        long o = Long.parseLong(offset, 16);
        assertThat(device.read(Space.COMP, o, bytes).errno()).isEqualTo(Errno.EINVAL);
        AccessResult w = device.write(Space.COMP, o, bytes, -1L, LINE);
        assertThat(w.errno()).isEqualTo(Errno.EINVAL);
        assertThat(w.outcomes()).as("nothing of a refused access takes effect").isEmpty();
    }

    @Test
    void offsetsWithTheTopBitSetFailWithEinval() {
        assertThat(device.read(Space.COMP, Long.MIN_VALUE, 4).errno()).isEqualTo(Errno.EINVAL);
        assertThat(device.read(Space.COMP, -4L, 4).errno()).isEqualTo(Errno.EINVAL);
        assertThat(device.write(Space.COMP, -8L, 8, 0, LINE).errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void lastDwordOfTheRegionIsReachable() {
        assertThat(read(0xfffc, 4)).isZero();
        assertThat(read(0xfff8, 8)).isZero();
        assertThat(write(0xfff8, 8, 0).outcomes()).isEmpty();
    }

    @ParameterizedTest(name = "r64 at 0x{0}")
    @ValueSource(strings = {"1000", "1004", "1008", "100c", "1010", "102c", "1030", "103c", "ffc"})
    void qwordReadAtAnyDwordOffsetReturnsTheLowDwordAndTheHighDword(String offset) {
        long o = Long.parseLong(offset, 16);
        long expected = dword(o) | (dword(o + 4) << 32);
        assertThat(read(o, 8)).isEqualTo(expected);
        assertThat(read(o, 8) & 0xFFFF_FFFFL).isEqualTo(read(o, 4));
        assertThat(read(o, 8) >>> 32).isEqualTo(read(o + 4, 4));
    }

    /** The dword at {@code offset} as the catalog and the shadow say, 0 where no register is. */
    private long dword(long offset) {
        return CATALOG.at(Space.COMP, offset).map(device::value).orElse(0L);
    }

    @Test
    void qwordReadOfTheCapabilityArrayHeaderAndEntry() {
        // The literals of REGISTERS.md §4.2: cm.cap_hdr = 01110001h, cm.hdm_cap_hdr = 01030005h.
        assertThat(read(0x1000, 8)).isEqualTo(0x01030005_01110001L);
    }

    @Test
    void qwordWriteAt102cWritesSizeHiBeforeCtrl() {
        // size_hi is locked while the decoder is committed: written first, the dword is dropped,
        // and only then does ctrl uncommit the decoder.
        long sizeHi = device.value(HdmDecoderRegisters.SIZE_HI);
        long uncommit = device.value(HdmDecoderRegisters.CTRL) & ~mask("COMMIT");

        AccessResult r = write(0x102c, 8, (uncommit << 32) | (sizeHi + 1));

        assertThat(r.outcomes()).extracting(WriteOutcome::register)
                .containsExactly(HdmDecoderRegisters.SIZE_HI, HdmDecoderRegisters.CTRL);
        assertThat(r.outcomes().get(0).drops()).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(device.value(HdmDecoderRegisters.SIZE_HI)).isEqualTo(sizeHi);
        assertThat(device.value(HdmDecoderRegisters.CTRL) & mask("COMMITTED")).isZero();
    }

    @Test
    void qwordWriteAt102cOnAnUncommittedDecoderSetsSizeHiBeforeCtrlCommits() {
        write(HdmDecoderRegisters.CTRL.offset(), 4, device.value(HdmDecoderRegisters.CTRL) & ~mask("COMMIT"));
        long sizeHi = device.value(HdmDecoderRegisters.SIZE_HI) + 1;

        AccessResult r = write(0x102c, 8, (mask("COMMIT") << 32) | sizeHi);

        assertThat(drops(r)).isEmpty();
        assertThat(device.value(HdmDecoderRegisters.SIZE_HI)).isEqualTo(sizeHi);
        assertThat(device.value(HdmDecoderRegisters.CTRL) & mask("COMMITTED")).isNotZero();
    }

    @Test
    void qwordWriteAtAnUnalignedDwordOffsetWritesBothDwords() {
        AccessResult r = write(0x1034, 8, 0x0000_0007_1000_0000L);

        assertThat(r.outcomes()).extracting(WriteOutcome::register)
                .containsExactly(HdmDecoderRegisters.DPA_SKIP_LO, HdmDecoderRegisters.DPA_SKIP_HI);
        assertThat(device.value(HdmDecoderRegisters.DPA_SKIP_LO)).isEqualTo(0x1000_0000L);
        assertThat(device.value(HdmDecoderRegisters.DPA_SKIP_HI)).isEqualTo(0x7);
    }

    @Test
    void everyDwordOfAQwordWriteIsAWholeDwordWrite() {
        AccessResult r = write(0x1014, 8, 0x0000_0000_0000_0003L);

        assertThat(r.outcomes()).extracting(WriteOutcome::byteEnables).containsOnly(0xFFFF_FFFFL);
        assertThat(r.outcomes()).extracting(WriteOutcome::offset).containsExactly(0x1014L, 0x1018L);
    }

    // ---------------------------------------------------------------- dispatch (§1.2, §4.1)

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"0", "4", "800", "ffc", "1040", "1044", "2000", "8000", "fffc"})
    void zeroAreaReadsZero(String offset) {
        long o = Long.parseLong(offset, 16);
        assertThat(read(o, 4)).isZero();
        assertThat(CATALOG.at(Space.COMP, o)).as("no register at 0x%x", o).isEmpty();
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"0", "4", "800", "ffc", "1040", "1044", "2000", "8000", "fffc"})
    void nonZeroWriteToTheZeroAreaIsDroppedAsUnmodelled(String offset) {
        long o = Long.parseLong(offset, 16);

        AccessResult r = write(o, 4, 0x8000_0001L);

        assertThat(r.outcomes()).hasSize(1);
        WriteOutcome out = r.outcomes().get(0);
        assertThat(out.register()).isNull();
        assertThat(out.offset()).isEqualTo(o);
        assertThat(out.droppedMask()).isEqualTo(0x8000_0001L);
        assertThat(out.drops()).extracting(Drop::reason).containsExactly(DropReason.UNMODELLED);
        assertThat(read(o, 4)).isZero();
    }

    @ParameterizedTest(name = "0x{0}")
    @ValueSource(strings = {"0", "ffc", "1040", "fffc"})
    void zeroWriteToTheZeroAreaIsSilent(String offset) {
        assertThat(write(Long.parseLong(offset, 16), 4, 0).outcomes()).isEmpty();
    }

    @Test
    void qwordWriteAcrossTheStartOfTheArrayReportsEachDwordByItsArea() {
        long capHdr = device.value(CacheMemRegisters.CAP_HDR);

        AccessResult r = write(0xffc, 8, ((capHdr ^ 1) << 32) | 0x1);

        assertThat(r.outcomes()).hasSize(2);
        assertThat(r.outcomes().get(0).register()).isNull();
        assertThat(r.outcomes().get(0).drops()).extracting(Drop::reason).containsExactly(DropReason.UNMODELLED);
        assertThat(r.outcomes().get(1).register()).isEqualTo(CacheMemRegisters.CAP_HDR);
        assertThat(r.outcomes().get(1).drops()).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
    }

    static Stream<RegisterDef> capabilityArray() {
        return Stream.of(CacheMemRegisters.CAP_HDR, CacheMemRegisters.HDM_CAP_HDR,
                CacheMemRegisters.RSVD_08, CacheMemRegisters.RSVD_0C);
    }

    @ParameterizedTest
    @MethodSource("capabilityArray")
    void capabilityArrayWritesAreDroppedAsReadOnly(RegisterDef r) {
        long before = device.value(r);

        AccessResult result = write(r.offset(), 4, ~before & 0xFFFF_FFFFL);

        assertThat(result.outcomes()).hasSize(1);
        WriteOutcome o = result.outcomes().get(0);
        assertThat(o.register()).isEqualTo(r);
        assertThat(o.droppedMask()).isEqualTo(0xFFFF_FFFFL);
        assertThat(o.changedMask()).isZero();
        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(device.value(r)).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("capabilityArray")
    void capabilityArrayWriteOfTheValueItHoldsIsSilent(RegisterDef r) {
        assertThat(drops(write(r.offset(), 4, device.value(r)))).isEmpty();
    }

    @Test
    void capabilityArrayReadsTheSnapshotOfTheHostCopy() {
        capabilityArray().forEach(r -> assertThat(read(r.offset(), 4)).as(r.path()).isEqualTo(device.hostValue(r)));
    }

    @Test
    void hdmDecoderStructureReadsTheShadow() {
        device.write(Space.COMP, HdmDecoderRegisters.GLOBAL_CTRL.offset(), 4, 0x1234_5673L, LINE);
        for (RegisterDef r : CATALOG.registers()) {
            if (!r.path().startsWith("hdm.")) {
                continue;
            }
            assertThat(read(r.offset(), 4)).as(r.path()).isEqualTo(device.value(r));
        }
    }

    @Test
    void hdmCapabilityAndGapWritesAreDroppedAsReadOnly() {
        for (RegisterDef r : List.of(HdmDecoderRegisters.CAP, HdmDecoderRegisters.RSVD_08, HdmDecoderRegisters.RSVD_0C)) {
            long before = device.value(r);
            AccessResult result = write(r.offset(), 4, before ^ 0x0000_0010L);
            assertThat(drops(result)).as(r.path()).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
            assertThat(device.value(r)).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- the host copy (§1.3)

    @Test
    void noComponentWriteChangesTheHostCopy() {
        VfioDevice fresh = VfioDevice.create(DeviceProfile.type2()).device();
        long[] values = {0, 0xFFFF_FFFFL, 0x5A5A_5A5AL, 0x0000_0400L, 0x0000_0200L, 0x0000_0100L, 0x0000_0600L};
        for (long value : values) {
            for (long o = 0xff0; o < 0x1050; o += 4) {
                device.write(Space.COMP, o, 4, value, LINE);
            }
            device.write(Space.COMP, 0x1030, 4, value, LINE);   // the FSM in every state the values reach
            device.write(Space.COMP, 0x1020, 8, value | (value << 32), LINE);
        }
        for (long o = 0x1000; o < 0x1040; o += 4) {
            device.write(Space.COMP, o, 8, -1L, LINE);
        }
        device.write(Space.COMP, 0x102c, 8, 0x0000_0200_0000_0001L, LINE);

        assertThat(device.value(HdmDecoderRegisters.GLOBAL_CTRL))
                .as("the shadow did change").isNotEqualTo(device.hostValue(HdmDecoderRegisters.GLOBAL_CTRL));
        for (RegisterDef r : CATALOG.registers()) {
            assertThat(device.hostValue(r)).as("host %s", r.path()).isEqualTo(fresh.hostValue(r));
        }
    }
}
