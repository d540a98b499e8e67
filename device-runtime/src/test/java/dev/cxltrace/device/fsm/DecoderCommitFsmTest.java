package dev.cxltrace.device.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.profile.ProfileBuilder;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.Creation;
import dev.cxltrace.device.vfio.VfioDevice;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FSM-DEC: decoder 0's COMMIT/COMMITTED handshake in the shadow of a CXL-bound device
 * (REGISTERS.md §5.2), its warnings, the DEC0_LOCKED gate it drives (§2.2) and the I-SPEC note
 * against FSM-H (§2.4, §5.3).
 */
class DecoderCommitFsmTest {
    private static final RegisterDef CTRL = HdmDecoderRegisters.CTRL;
    private static final long CTRL_OFFSET = CTRL.offset();

    private static final long IG = field("IG").mask();
    private static final long IW = field("IW").mask();
    private static final long LOCK_ON_COMMIT = HdmDecoderRegisters.LOCK_ON_COMMIT.mask();
    private static final long COMMIT = HdmDecoderRegisters.COMMIT.mask();
    private static final long COMMITTED = HdmDecoderRegisters.COMMITTED.mask();
    private static final long ERR_NOT_COMMITTED = HdmDecoderRegisters.ERR_NOT_COMMITTED.mask();
    private static final long TARGET_TYPE = field("TARGET_TYPE").mask();
    private static final long UIG = field("UIG").mask();
    private static final long TOP_RSVD = 1L << 31;

    private static final Provenance SETUP = Provenance.line(1);
    private static final Provenance LINE = Provenance.line(9);

    private VfioDevice device = create(DeviceProfile.type2());

    // ---------------------------------------------------------------- helpers

    private static FieldDef field(String name) {
        return CTRL.field(name).orElseThrow();
    }

    private static long ig(long v) {
        return field("IG").place(v);
    }

    private static long iw(long v) {
        return field("IW").place(v);
    }

    private static VfioDevice create(DeviceProfile p) {
        Creation c = VfioDevice.create(p);
        assertThat(c.errno()).isNull();
        return c.device();
    }

    private static DeviceProfile profile(String name, String value) {
        ProfileBuilder b = ProfileBuilder.from(DeviceProfile.type2());
        assertThat(b.set(name, value)).isEmpty();
        return b.build().profile();
    }

    private long ctrl() {
        return device.value(CTRL);
    }

    private WriteOutcome writeCtrl(long v, Provenance who) {
        AccessResult r = device.write(Space.COMP, CTRL_OFFSET, 4, v, who);
        assertThat(r.errno()).isNull();
        assertThat(r.outcomes()).hasSize(1);
        return r.outcomes().get(0);
    }

    private WriteOutcome writeCtrl(long v) {
        return writeCtrl(v, LINE);
    }

    private WriteOutcome write(RegisterDef r, long v) {
        AccessResult result = device.write(Space.COMP, r.offset(), 4, v, LINE);
        assertThat(result.errno()).isNull();
        return result.outcomes().get(0);
    }

    /**
     * Puts ctrl into state {@code c} through FSM-DEC: uncommit, then write {@code c} (a committed
     * state is reached by a commit, which keeps every other bit of the written value).
     */
    private void bringCtrlTo(long c) {
        if ((ctrl() & COMMITTED) != 0) {
            writeCtrl(ctrl() & ~COMMIT, SETUP);
        }
        writeCtrl(c & ~COMMITTED, SETUP);
        assertThat(ctrl()).as("set-up state").isEqualTo(c);
    }

    private static long dropMask(WriteOutcome o) {
        return o.drops().stream().mapToLong(Drop::mask).reduce(0, (a, b) -> a | b);
    }

    // ---------------------------------------------------------------- the four rows of §5.2

    static Stream<Arguments> rows() {
        long committed = COMMIT | COMMITTED;
        return Stream.of(
                // c.COMMITTED = 1, v.COMMIT = 1: c with COMMIT = 1; every other written bit dropped
                Arguments.of("committed, COMMIT=1",
                        committed | ig(2) | iw(1),
                        COMMIT | ig(5) | LOCK_ON_COMMIT | TARGET_TYPE | TOP_RSVD,
                        committed | ig(2) | iw(1)),
                Arguments.of("committed, COMMIT=1, the value it holds",
                        committed | ig(3),
                        committed | ig(3),
                        committed | ig(3)),
                // c.COMMITTED = 1, v.COMMIT = 0: uncommit, LOCK_ON_COMMIT cleared, other bits dropped
                Arguments.of("committed, COMMIT=0",
                        committed | LOCK_ON_COMMIT | ig(2),
                        ig(5) | TARGET_TYPE | UIG,
                        ig(2)),
                Arguments.of("committed, COMMIT=0 keeping the other bits",
                        committed | ig(2) | iw(1),
                        COMMITTED | ig(2) | iw(1),
                        ig(2) | iw(1)),
                // c.COMMITTED = 0, v.COMMIT = 1: v with COMMITTED = 1, ERR_NOT_COMMITTED = 0
                Arguments.of("uncommitted, COMMIT=1",
                        ig(1),
                        COMMIT | iw(2) | TARGET_TYPE | ERR_NOT_COMMITTED | TOP_RSVD | LOCK_ON_COMMIT,
                        COMMIT | COMMITTED | iw(2) | TARGET_TYPE | TOP_RSVD | LOCK_ON_COMMIT),
                // c.COMMITTED = 0, v.COMMIT = 0: v with COMMITTED = 0, ERR_NOT_COMMITTED = 0
                Arguments.of("uncommitted, COMMIT=0",
                        iw(1),
                        LOCK_ON_COMMIT | ig(3) | iw(8) | TARGET_TYPE | UIG | COMMITTED | ERR_NOT_COMMITTED,
                        LOCK_ON_COMMIT | ig(3) | iw(8) | TARGET_TYPE | UIG));
    }

    @ParameterizedTest(name = "{0}: 0x{1} <- 0x{2}")
    @MethodSource("rows")
    void ctrlWriteTakesTheNextValueOfItsRow(String row, long c, long v, long next) {
        bringCtrlTo(c);

        WriteOutcome o = writeCtrl(v);

        assertThat(ctrl()).isEqualTo(next);
        assertThat(o.before()).isEqualTo(c);
        assertThat(o.after()).isEqualTo(next);
        assertThat(o.changedMask()).isEqualTo(c ^ next);
        assertThat(o.byteEnables()).as("ctrl is always a whole dword").isEqualTo(0xFFFF_FFFFL);
        assertThat(DecoderCommitFsm.next(c, v)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0}: 0x{1} <- 0x{2}")
    @MethodSource("rows")
    void ctrlWriteReportsTheBitsItTriedToChangeThatDidNotTake(String row, long c, long v, long next) {
        bringCtrlTo(c);

        WriteOutcome o = writeCtrl(v);

        long refused = (v ^ c) & (v ^ next);
        assertThat(o.droppedMask()).isEqualTo(refused);
        assertThat(dropMask(o)).isEqualTo(refused);
        assertThat(DecoderCommitFsm.refused(c, v, next)).isEqualTo(refused);
        DropReason expected = (c & COMMITTED) != 0 ? DropReason.DECODER_COMMITTED : DropReason.READ_ONLY;
        if (refused != 0) {
            assertThat(o.drops()).extracting(Drop::reason).containsOnly(expected);
        } else {
            assertThat(o.drops()).isEmpty();
        }
    }

    @Test
    void committedDecoderReportsEveryOtherDifferingBitAsWFsmPerField() {
        long c = ctrl();
        long v = COMMIT | COMMITTED | ig(5) | LOCK_ON_COMMIT;

        WriteOutcome o = writeCtrl(v);

        assertThat(ctrl()).isEqualTo(c);
        assertThat(o.drops()).extracting(Drop::field)
                .containsExactlyInAnyOrder(field("IG"), HdmDecoderRegisters.LOCK_ON_COMMIT);
        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.DECODER_COMMITTED);
        assertThat(o.drops()).extracting(Drop::gate).containsOnly(Optional.empty());
        assertThat(o.drops()).allSatisfy(d -> assertThat(d.attribute()).isEqualTo(d.field().spec()));
    }

    @Test
    void committedDecoderWriteThatLeavesCommittedAsZeroReportsCommitted() {
        // The rule (v ^ c) & (v ^ next) takes the written 0 in COMMITTED as an attempt to clear it.
        WriteOutcome o = writeCtrl(COMMIT);

        assertThat(ctrl()).isEqualTo(COMMIT | COMMITTED);
        assertThat(o.drops()).extracting(Drop::field).containsExactly(HdmDecoderRegisters.COMMITTED);
        assertThat(o.drops()).extracting(Drop::reason).containsExactly(DropReason.DECODER_COMMITTED);
    }

    @Test
    void uncommittedDecoderReportsRefusedBitsByTheFieldAttribute() {
        bringCtrlTo(0);

        WriteOutcome o = writeCtrl(COMMITTED | ERR_NOT_COMMITTED | ig(1));

        assertThat(ctrl()).isEqualTo(ig(1));
        assertThat(o.drops()).extracting(Drop::field)
                .containsExactlyInAnyOrder(HdmDecoderRegisters.COMMITTED, HdmDecoderRegisters.ERR_NOT_COMMITTED);
        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.READ_ONLY);
        assertThat(o.drops()).extracting(Drop::attribute).containsOnly(Attribute.RO);
    }

    @Test
    void stateMachinesOwnChangesOfCommittedErrAndLockOnCommitAreNeverReported() {
        bringCtrlTo(LOCK_ON_COMMIT | ig(1));
        assertThat(writeCtrl(COMMIT | LOCK_ON_COMMIT | ig(1)).drops()).as("commit sets COMMITTED").isEmpty();
        assertThat(writeCtrl(ig(1)).drops()).as("uncommit clears COMMITTED and LOCK_ON_COMMIT").isEmpty();
        assertThat(ctrl()).isEqualTo(ig(1));
    }

    @Test
    void commitChecksNothingAndNeverFails() {
        bringCtrlTo(0);
        for (RegisterDef r : List.of(HdmDecoderRegisters.BASE_LO, HdmDecoderRegisters.BASE_HI,
                HdmDecoderRegisters.SIZE_LO, HdmDecoderRegisters.SIZE_HI)) {
            write(r, 0);
        }

        WriteOutcome o = writeCtrl(COMMIT | ig(0xF) | iw(0xF));

        assertThat(ctrl()).isEqualTo(COMMIT | COMMITTED | ig(0xF) | iw(0xF));
        assertThat(ctrl() & ERR_NOT_COMMITTED).isZero();
        assertThat(o.drops()).isEmpty();
    }

    // ---------------------------------------------------------------- the selftest sequence (§5.2, §7)

    @Test
    void selftestSequenceEndsWhereItStartedAndIsSilent() {
        // The literals of REGISTERS.md §5.2: 600h → write 400h → 000h → write 200h → 600h → write 600h → 600h.
        assertThat(ctrl()).isEqualTo(0x600);
        assertThat(writeCtrl(0x400).drops()).isEmpty();
        assertThat(ctrl()).isEqualTo(0x000);
        assertThat(writeCtrl(0x200).drops()).isEmpty();
        assertThat(ctrl()).isEqualTo(0x600);
        assertThat(writeCtrl(0x600).drops()).isEmpty();
        assertThat(ctrl()).isEqualTo(0x600);
        assertThat(device.hostValue(CTRL)).isEqualTo(0x600);
    }

    @Test
    void selftestSequenceWithLockOnCommitLosesLockOnCommit() {
        device = create(profile("lock_on_commit", "true"));
        assertThat(ctrl()).isEqualTo(0x700);

        long start = ctrl();
        assertThat(writeCtrl(start & ~COMMIT).drops()).as("uncommit while locked is allowed (D6)").isEmpty();
        assertThat(ctrl()).isEqualTo(0x000);
        assertThat(writeCtrl(0x200).drops()).isEmpty();
        assertThat(ctrl()).isEqualTo(0x600);

        WriteOutcome restore = writeCtrl(start);

        assertThat(ctrl()).isEqualTo(0x600);
        assertThat(restore.drops()).extracting(Drop::field).containsExactly(HdmDecoderRegisters.LOCK_ON_COMMIT);
        assertThat(restore.drops()).extracting(Drop::reason).containsExactly(DropReason.DECODER_COMMITTED);
        assertThat(device.hostValue(CTRL)).isEqualTo(0x700);
    }

    // ---------------------------------------------------------------- DEC0_LOCKED (§2.2)

    static Stream<RegisterDef> baseAndSize() {
        return Stream.of(HdmDecoderRegisters.BASE_LO, HdmDecoderRegisters.BASE_HI,
                HdmDecoderRegisters.SIZE_LO, HdmDecoderRegisters.SIZE_HI);
    }

    @ParameterizedTest
    @MethodSource("baseAndSize")
    void committedDecoderLocksBaseAndSizeNamingCommittedAndFirmware(RegisterDef r) {
        long before = device.value(r);

        WriteOutcome o = write(r, before ^ 0x1000_0000L);

        assertThat(device.value(r)).isEqualTo(before);
        assertThat(o.droppedMask()).isEqualTo(0x1000_0000L);
        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(o.drops()).extracting(Drop::gate).containsOnly(Optional.of(Gate.DEC0_LOCKED));
        assertThat(o.drops()).extracting(Drop::cause).containsOnly(HdmDecoderRegisters.COMMITTED);
        assertThat(o.drops()).extracting(Drop::setter).containsOnly(Provenance.parameter("firmware_committed"));
    }

    @ParameterizedTest
    @MethodSource("baseAndSize")
    void writingBackTheLockedValueIsSilent(RegisterDef r) {
        assertThat(write(r, device.value(r)).drops()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("baseAndSize")
    void uncommitOpensBaseAndSize(RegisterDef r) {
        writeCtrl(ctrl() & ~COMMIT);
        long next = device.value(r) ^ 0x1000_0000L;

        WriteOutcome o = write(r, next);

        assertThat(o.drops()).isEmpty();
        assertThat(device.value(r)).isEqualTo(next);
        assertThat(device.hostValue(r)).as("host copy").isNotEqualTo(next);
    }

    @Test
    void commitClosesBaseAndSizeAgainNamingTheCommittingLine() {
        writeCtrl(ctrl() & ~COMMIT);
        writeCtrl(COMMIT, Provenance.line(42));

        WriteOutcome o = write(HdmDecoderRegisters.BASE_HI, device.value(HdmDecoderRegisters.BASE_HI) + 1);

        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(o.drops()).extracting(Drop::cause).containsOnly(HdmDecoderRegisters.COMMITTED);
        assertThat(o.drops()).extracting(Drop::setter).containsOnly(Provenance.line(42));
    }

    @Test
    void lockOnCommitAloneLocksBaseAndSizeOfAnUncommittedDecoder() {
        writeCtrl(ctrl() & ~COMMIT);
        writeCtrl(LOCK_ON_COMMIT, Provenance.line(17));
        assertThat(ctrl() & COMMITTED).isZero();

        WriteOutcome o = write(HdmDecoderRegisters.SIZE_HI, device.value(HdmDecoderRegisters.SIZE_HI) + 1);

        assertThat(o.drops()).extracting(Drop::reason).containsOnly(DropReason.LOCKED);
        assertThat(o.drops()).extracting(Drop::gate).containsOnly(Optional.of(Gate.DEC0_LOCKED));
        assertThat(o.drops()).extracting(Drop::cause).containsOnly(HdmDecoderRegisters.LOCK_ON_COMMIT);
        assertThat(o.drops()).extracting(Drop::setter).containsOnly(Provenance.line(17));
        assertThat(o.specDivergence()).as("an Exec drop that Spec would allow is not I-SPEC").isZero();
    }

    @Test
    void firmwareLockOnCommitNamesTheProfileParameter() {
        device = create(profile("lock_on_commit", "true"));

        WriteOutcome o = write(HdmDecoderRegisters.BASE_LO, device.value(HdmDecoderRegisters.BASE_LO) ^ 0x1000_0000L);

        assertThat(o.drops()).extracting(Drop::cause).containsOnly(HdmDecoderRegisters.LOCK_ON_COMMIT);
        assertThat(o.drops()).extracting(Drop::setter).containsOnly(Provenance.parameter("lock_on_commit"));
    }

    @Test
    void uncommitWithLockOnCommitOpensBaseAndSize() {
        device = create(profile("lock_on_commit", "true"));
        writeCtrl(ctrl() & ~COMMIT);

        long next = device.value(HdmDecoderRegisters.BASE_HI) + 1;
        WriteOutcome o = write(HdmDecoderRegisters.BASE_HI, next);

        assertThat(o.drops()).isEmpty();
        assertThat(device.value(HdmDecoderRegisters.BASE_HI)).isEqualTo(next);
    }

    // ---------------------------------------------------------------- I-SPEC against FSM-H (§2.4)

    @Test
    void uncommitOfALockedDecoderIsNotedAsSpecDivergence() {
        device = create(profile("lock_on_commit", "true"));
        long c = ctrl();

        WriteOutcome o = writeCtrl(c & ~COMMIT);

        assertThat(o.drops()).isEmpty();
        assertThat(o.specDivergence()).as("FSM-H keeps a locked decoder").isEqualTo(COMMIT | COMMITTED | LOCK_ON_COMMIT);
    }

    @Test
    void uncommitWithoutLockOnCommitIsWhatTheHardwareDoesToo() {
        WriteOutcome o = writeCtrl(ctrl() & ~COMMIT);

        assertThat(o.specDivergence()).isZero();
    }

    @Test
    void commitTakingTargetTypeIsNotedAsSpecDivergence() {
        bringCtrlTo(0);

        WriteOutcome o = writeCtrl(COMMIT | TARGET_TYPE);

        assertThat(ctrl()).isEqualTo(COMMIT | COMMITTED | TARGET_TYPE);
        assertThat(o.drops()).isEmpty();
        assertThat(o.specDivergence()).as("TARGET_TYPE is RO in the specification").isEqualTo(TARGET_TYPE);
    }

    // ---------------------------------------------------------------- the host decoder (§1.3, §5.2)

    @Test
    void uncommittingTheShadowLeavesTheHostDecoderAndTheHdmRegion() {
        long host = device.hostValue(CTRL);

        writeCtrl(ctrl() & ~COMMIT);

        assertThat(device.hostValue(CTRL)).isEqualTo(host);
        assertThat(device.write(Space.HDM, 0, 8, 0x1122_3344_5566_7788L, LINE).errno()).isNull();
        assertThat(device.read(Space.HDM, 0, 8).value()).isEqualTo(0x1122_3344_5566_7788L);
    }
}
