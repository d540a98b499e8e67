package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.cxl;
import static dev.cxltrace.device.semantics.Attribute.RO;

import java.util.List;

/**
 * The CXL.cache/mem capability array at 1000h of the component block, REGISTERS.md §4.2
 * [S 8.2.4.1, 8.2.4.5]. The series snapshots it at bind time and drops every write [K].
 */
public final class CacheMemRegisters {
    private CacheMemRegisters() {
    }

    /** Where the capability array starts in the component block ([L] CXL_CM_OFFSET). */
    public static final int ARRAY_OFFSET = 0x1000;

    public static final RegisterDef CAP_HDR = reg("cm.cap_hdr", Space.COMP, 0x1000, 32).spec(cxl("8.2.4.1"))
            .describe("Header of the CXL.cache/mem capability array: its version and how many entries follow.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("CAP_ID", 15, 0, RO, 0x0001, "1 = CXL capability array header.")
            .field("CAP_VERSION", 19, 16, RO, 1, "Version of the array header.")
            .field("CACHE_MEM_VERSION", 23, 20, RO, 1, "Version of the CXL.cache/mem protocol registers.")
            .field("ARRAY_SIZE", 31, 24, RO, 1, "Number of capability entries after the header.")
            .build();

    public static final RegisterDef HDM_CAP_HDR = reg("cm.hdm_cap_hdr", Space.COMP, 0x1004, 32).spec(cxl("8.2.4.1"))
            .describe("Array entry of the HDM Decoder Capability: its ID, version and where its structure starts.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("CAP_ID", 15, 0, RO, 0x0005, "5 = HDM Decoder Capability.")
            .field("CAP_VERSION", 19, 16, RO, 3, "Version of the HDM Decoder Capability (Linux does not check it).")
            .field("CAP_PTR", 31, 20, RO, 0x010, "Offset of the HDM decoder structure from the start of the array.")
            .build();

    public static final RegisterDef RSVD_08 = reg("cm.rsvd_08", Space.COMP, 0x1008, 32).spec(cxl("8.2.4.1"))
            .describe("Zero dword after the single array entry.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .build();

    public static final RegisterDef RSVD_0C = reg("cm.rsvd_0c", Space.COMP, 0x100c, 32).spec(cxl("8.2.4.1"))
            .describe("Zero dword before the HDM decoder structure.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .build();

    static List<RegisterDef> all() {
        return List.of(CAP_HDR, HDM_CAP_HDR, RSVD_08, RSVD_0C);
    }
}
