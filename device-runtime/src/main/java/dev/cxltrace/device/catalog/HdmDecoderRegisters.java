package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.cxl;
import static dev.cxltrace.device.semantics.Attribute.HW_INIT;
import static dev.cxltrace.device.semantics.Attribute.RO;
import static dev.cxltrace.device.semantics.Attribute.RSVD_P;
import static dev.cxltrace.device.semantics.Attribute.RW;
import static dev.cxltrace.device.semantics.Attribute.rwl;

import dev.cxltrace.device.semantics.Attribute;
import java.util.List;

/**
 * The HDM Decoder Capability structure at 1010h, REGISTERS.md §4.3 [S 8.2.4.20][L cxl.h]. The
 * series keeps a shadow of it and applies these Exec rules [K passthrough.c]; decoder 0's control
 * register runs {@code DecoderCommitFsm}.
 */
public final class HdmDecoderRegisters {
    private HdmDecoderRegisters() {
    }

    /** Start of the structure: 1000h + the array entry's CAP_PTR [L regs.c]. */
    public static final int OFFSET = 0x1010;
    /** Bytes the series snapshots: 10h + 20h per decoder, one decoder [L regs.c]. */
    public static final int LENGTH = 0x30;

    private static final Attribute SPEC_LOCKED = rwl(Gate.DEC0_SPEC);
    private static final Attribute EXEC_LOCKED = rwl(Gate.DEC0_LOCKED);

    public static final RegisterDef CAP = reg("hdm.cap", Space.COMP, 0x1010, 32).spec(cxl("8.2.4.20.1"))
            .describe("What the HDM decoders can do: how many there are, interleave abilities, coherency models.")
            .exec(HW_INIT).copies(Copies.HOST_AND_SHADOW)
            .field("DECODER_COUNT", 3, 0, RO, p -> decoderCountEncoding(p.decoders()), "Number of HDM decoders, encoded.")
            .enums(0, "1 decoder", 1, "2 decoders", 2, "4 decoders", 3, "6 decoders", 4, "8 decoders", 5, "10 decoders")
            .field("TARGET_COUNT", 7, 4, RO, 0, "Targets per decoder; meaningful only for switches and host bridges.")
            .field("A11TO8_IL_CAP", 8, 8, RO, 1, "The decoders can interleave on address bits 11:8.")
            .field("A14TO12_IL_CAP", 9, 9, RO, 1, "The decoders can interleave on address bits 14:12.")
            .field("POISON_ON_DECODE_ERR_CAP", 10, 10, RO, 0, "The device can return poison for undecoded reads.")
            .field("IL_3_6_12_WAY_CAP", 11, 11, RO, 0, "3, 6 and 12-way interleave are supported.")
            .field("IL_16_WAY_CAP", 12, 12, RO, 0, "16-way interleave is supported.")
            .field("UIO_CAP", 13, 13, HW_INIT, 0, "Unordered I/O to HDM is supported.")
            .field("RSVD14", 15, 14, RSVD_P, 0, "Reserved.")
            .field("UIO_DECODER_COUNT", 19, 16, RSVD_P, 0, "Decoders that support UIO; reserved for devices.")
            .field("MEMDATA_NXM_CAP", 20, 20, HW_INIT, 0, "The MemData-NXM opcode is supported.")
            .field("COHERENCY_MODELS", 22, 21, HW_INIT, 1, "Which coherency models the device supports.")
            .enums(0, "unknown", 1, "device-coherent (HDM-D/HDM-DB)", 2, "host-only coherent (HDM-H)", 3, "either")
            .field("RSVD23", 31, 23, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef GLOBAL_CTRL = reg("hdm.global_ctrl", Space.COMP, 0x1014, 32).spec(cxl("8.2.4.20.2"))
            .describe("Turns decoding through the HDM decoders on; the series writes every bit to the shadow.")
            .exec(RW).copies(Copies.HOST_AND_SHADOW)
            .field("POISON_ON_ERR_EN", 0, 0, RO, 0,
                    "Return poison on decode errors; read-only 0 in the specification because the capability is 0.")
            .field("HDM_DECODER_ENABLE", 1, 1, RW, 1,
                    "Decode through the HDM decoders instead of the DVSEC ranges.")
            .field("RSVD", 31, 2, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef RSVD_08 = reg("hdm.rsvd_08", Space.COMP, 0x1018, 32).spec(cxl("8.2.4.20"))
            .describe("Gap before the decoder registers; reads 0.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .build();

    public static final RegisterDef RSVD_0C = reg("hdm.rsvd_0c", Space.COMP, 0x101c, 32).spec(cxl("8.2.4.20"))
            .describe("Gap before the decoder registers; reads 0.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .build();

    public static final RegisterDef BASE_LO = reg("hdm.decoder0.base_lo", Space.COMP, 0x1020, 32).spec(cxl("8.2.4.20.3"))
            .describe("Low bits of the host physical base that decoder 0 maps; locked once the decoder is committed.")
            .exec(EXEC_LOCKED).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 27, 0, RSVD_P, 0, "Reserved.")
            .field("MEMORY_BASE_LOW", 31, 28, SPEC_LOCKED, p -> (p.hpaBase() >>> 28) & 0xF, "Base bits 31:28.")
            .build();

    public static final RegisterDef BASE_HI = reg("hdm.decoder0.base_hi", Space.COMP, 0x1024, 32).spec(cxl("8.2.4.20.4"))
            .describe("High 32 bits of the host physical base that decoder 0 maps.")
            .exec(EXEC_LOCKED).copies(Copies.HOST_AND_SHADOW)
            .field("MEMORY_BASE_HIGH", 31, 0, SPEC_LOCKED, p -> p.hpaBase() >>> 32, "Base bits 63:32.")
            .build();

    public static final RegisterDef SIZE_LO = reg("hdm.decoder0.size_lo", Space.COMP, 0x1028, 32).spec(cxl("8.2.4.20.5"))
            .describe("Low bits of the size of decoder 0's range; locked once the decoder is committed.")
            .exec(EXEC_LOCKED).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 27, 0, RSVD_P, 0, "Reserved.")
            .field("MEMORY_SIZE_LOW", 31, 28, SPEC_LOCKED, p -> (p.hdmSize() >>> 28) & 0xF, "Size bits 31:28.")
            .build();

    public static final RegisterDef SIZE_HI = reg("hdm.decoder0.size_hi", Space.COMP, 0x102c, 32).spec(cxl("8.2.4.20.6"))
            .describe("High 32 bits of the size of decoder 0's range.")
            .exec(EXEC_LOCKED).copies(Copies.HOST_AND_SHADOW)
            .field("MEMORY_SIZE_HIGH", 31, 0, SPEC_LOCKED, p -> p.hdmSize() >>> 32, "Size bits 63:32.")
            .build();

    public static final RegisterDef CTRL = reg("hdm.decoder0.ctrl", Space.COMP, 0x1030, 32).spec(cxl("8.2.4.20.7"))
            .describe("Decoder 0's interleave settings and the COMMIT/COMMITTED handshake that activates it.")
            .behaviour(Behaviour.DECODER_CONTROL).copies(Copies.HOST_AND_SHADOW)
            .field("IG", 3, 0, SPEC_LOCKED, 0, "Interleave granularity: 256 B << IG.")
            .enums(0, "256 B", 1, "512 B", 2, "1 KB", 3, "2 KB", 4, "4 KB", 5, "8 KB", 6, "16 KB")
            .field("IW", 7, 4, SPEC_LOCKED, p -> p.iw(), "Interleave ways, encoded.")
            .enums(0, "1 way", 1, "2 ways", 2, "4 ways", 3, "8 ways", 4, "16 ways", 8, "3 ways", 9, "6 ways", 10, "12 ways")
            .field("LOCK_ON_COMMIT", 8, 8, SPEC_LOCKED, p -> p.lockOnCommit() ? 1 : 0,
                    "Freeze the decoder's settings once it is committed.")
            .field("COMMIT", 9, 9, SPEC_LOCKED, p -> p.firmwareCommitted() ? 1 : 0, "Software asks to activate the decoder.")
            .field("COMMITTED", 10, 10, RO, p -> p.firmwareCommitted() ? 1 : 0, "The decoder is active.")
            .field("ERR_NOT_COMMITTED", 11, 11, RO, 0, "The last commit failed.").alias("COMMIT_ERROR")
            .field("TARGET_TYPE", 12, 12, RO, 0, "Which coherency the range uses; fixed for this device.")
            .enums(0, "device-coherent (HDM-D/HDM-DB, Type 2)", 1, "host-only coherent (HDM-H)")
            .field("BI", 13, 13, RSVD_P, 0, "The device may send back-invalidate snoops to the range; reserved without BI.")
            .field("UIO", 14, 14, RO, 0, "Unordered I/O to the range is allowed; read-only 0 because UIO_CAP is 0.")
            .field("RSVD15", 15, 15, RSVD_P, 0, "Reserved.")
            .field("UIG", 19, 16, RSVD_P, 0, "Upstream interleave granularity; reserved for devices.")
            .field("UIW", 23, 20, RSVD_P, 0, "Upstream interleave ways; reserved for devices.")
            .field("ISP", 27, 24, RSVD_P, 0, "Interleave set position; reserved without BI.")
            .field("RSVD", 31, 28, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef DPA_SKIP_LO = reg("hdm.decoder0.dpa_skip_lo", Space.COMP, 0x1034, 32)
            .spec(cxl("8.2.4.20.9"))
            .describe("Low bits of the device physical address skipped before decoder 0's mapping.")
            .exec(RW).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 27, 0, RSVD_P, 0, "Reserved.")
            .field("DPA_SKIP_LOW", 31, 28, SPEC_LOCKED, 0, "DPA skip bits 31:28.")
            .build();

    public static final RegisterDef DPA_SKIP_HI = reg("hdm.decoder0.dpa_skip_hi", Space.COMP, 0x1038, 32)
            .spec(cxl("8.2.4.20.11"))
            .describe("High 32 bits of the device physical address skipped before decoder 0's mapping.")
            .exec(RW).copies(Copies.HOST_AND_SHADOW)
            .field("DPA_SKIP_HIGH", 31, 0, SPEC_LOCKED, 0, "DPA skip bits 63:32.")
            .build();

    public static final RegisterDef RSVD_1C = reg("hdm.decoder0.rsvd_1c", Space.COMP, 0x103c, 32).spec(cxl("8.2.4.20"))
            .describe("The last dword of decoder 0's registers; reserved, the series keeps whatever is written.")
            .exec(RW).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 31, 0, RSVD_P, 0, "Reserved.")
            .build();

    public static final FieldDef LOCK_ON_COMMIT = CTRL.field("LOCK_ON_COMMIT").orElseThrow();
    public static final FieldDef COMMIT = CTRL.field("COMMIT").orElseThrow();
    public static final FieldDef COMMITTED = CTRL.field("COMMITTED").orElseThrow();
    public static final FieldDef ERR_NOT_COMMITTED = CTRL.field("ERR_NOT_COMMITTED").orElseThrow();

    static List<RegisterDef> all() {
        return List.of(CAP, GLOBAL_CTRL, RSVD_08, RSVD_0C, BASE_LO, BASE_HI, SIZE_LO, SIZE_HI, CTRL,
                DPA_SKIP_LO, DPA_SKIP_HI, RSVD_1C);
    }

    /** DECODER_COUNT encoding [S 8.2.4.20.1]: 0=1, 1=2, 2=4, 3=6, 4=8, 5=10 decoders. */
    public static int decoderCountEncoding(int decoders) {
        return switch (decoders) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            case 6 -> 3;
            case 8 -> 4;
            case 10 -> 5;
            default -> throw new IllegalArgumentException("no DECODER_COUNT encoding for " + decoders + " decoders");
        };
    }
}
