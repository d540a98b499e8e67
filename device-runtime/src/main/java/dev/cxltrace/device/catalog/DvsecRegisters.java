package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.cxl;
import static dev.cxltrace.device.semantics.Attribute.HW_INIT;
import static dev.cxltrace.device.semantics.Attribute.RO;
import static dev.cxltrace.device.semantics.Attribute.RSVD_P;
import static dev.cxltrace.device.semantics.Attribute.RSVD_Z;
import static dev.cxltrace.device.semantics.Attribute.RW;
import static dev.cxltrace.device.semantics.Attribute.RW1C;
import static dev.cxltrace.device.semantics.Attribute.RWA;
import static dev.cxltrace.device.semantics.Attribute.RWO;
import static dev.cxltrace.device.semantics.Attribute.rwl;

import dev.cxltrace.device.semantics.Attribute;
import java.util.List;

/**
 * The CXL Device DVSEC at 100h: header (REGISTERS.md §3.4) and body (§3.5), in the order of the
 * specification [S 8.1.3]. Field attributes are Spec; {@code exec(...)} is the rule the series
 * applies to the whole register, {@code execAs(...)} a field where it differs [K passthrough.c].
 */
public final class DvsecRegisters {
    private DvsecRegisters() {
    }

    /** Absolute offset of the DVSEC in configuration space. */
    public static final int BASE = 0x100;
    /** The series cuts config accesses here: header bytes below, body bytes from here [K]. */
    public static final int BODY_START = BASE + 0x0a;
    /** The series models fields only below this offset; later body bytes drop every write [K]. */
    public static final int BODY_END = BASE + 0x38;
    /** The first offset past the DVSEC (LENGTH = 3Ch). */
    public static final int END = BASE + 0x3c;

    private static final Attribute LOCKED_BY_CONFIG_LOCK = rwl(Gate.CONFIG_LOCK);

    public static final RegisterDef ECAP_HDR = reg("dvsec.ecap_hdr", Space.CFG, 0x100, 32).spec(cxl("8.1.3"))
            .describe("PCIe extended capability header of the CXL Device DVSEC.")
            .field("CAP_ID", 15, 0, RO, 0x0023, "0023h = designated vendor-specific extended capability.")
            .field("CAP_VER", 19, 16, RO, 1, "Capability version.")
            .field("NEXT", 31, 20, RO, 0x140, "Offset of the next extended capability: the Register Locator DVSEC.")
            .build();

    public static final RegisterDef HDR1 = reg("dvsec.hdr1", Space.CFG, 0x104, 32).spec(cxl("8.1.3"))
            .describe("DVSEC header 1: who defined this DVSEC, its revision and its length.")
            .field("VENDOR", 15, 0, RO, 0x1E98, "DVSEC vendor: 1E98h, the CXL consortium.")
            .field("REV", 19, 16, RO, 3, "DVSEC revision.")
            .field("LENGTH", 31, 20, RO, 0x03C, "Length of the DVSEC in bytes, header included.")
            .build();

    public static final RegisterDef HDR2 = reg("dvsec.hdr2", Space.CFG, 0x108, 16).spec(cxl("8.1.3"))
            .describe("DVSEC header 2: which CXL DVSEC this is.")
            .field("DVSEC_ID", 15, 0, RO, 0x0000, "0 = CXL Device DVSEC (PCIe DVSEC for CXL devices).")
            .build();

    public static final RegisterDef CAP = reg("dvsec.cap", Space.CFG, 0x10a, 16).spec(cxl("8.1.3.1"))
            .describe("What the device can do: CXL.cache, CXL.mem, the number of HDM ranges, reset abilities.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("CACHE_CAPABLE", 0, 0, RO, 1, "The device speaks CXL.cache.")
            .field("IO_CAPABLE", 1, 1, RO, 1, "CXL.io is supported; always 1.")
            .field("MEM_CAPABLE", 2, 2, RO, p -> p.memCapable() ? 1 : 0,
                    "CXL.mem is supported; the passthrough binds only when it is 1, else the device is plain vfio-pci.")
            .field("MEM_HWINIT_MODE", 3, 3, RO, 1, "Device firmware initialises its memory.")
            .field("HDM_COUNT", 5, 4, RO, 1, "How many DVSEC memory ranges the device has.")
            .enums(0, "none", 1, "one", 2, "two", 3, "reserved")
            .field("CACHE_WBI_CAPABLE", 6, 6, RO, 1, "Implements Disable Caching and write-back-and-invalidate.")
            .field("CXL_RESET_CAPABLE", 7, 7, RO, 0, "CXL Reset is supported.")
            .field("CXL_RESET_TIMEOUT", 10, 8, RO, 0, "How long a CXL Reset may take.")
            .enums(0, "10 ms", 1, "100 ms", 2, "1 s", 3, "10 s", 4, "100 s")
            .field("CXL_RESET_MEM_CLR_CAPABLE", 11, 11, HW_INIT, 0, "The device can scrub volatile HDM during CXL Reset.")
            .field("TSP_CAPABLE", 12, 12, HW_INIT, 0, "TEE security protocol supported (revision 3).")
            .field("MLD", 13, 13, HW_INIT, 0, "The function is a logical device of a multi-logical device.")
            .field("VIRAL_CAPABLE", 14, 14, RO, 1, "Viral handling is supported; always 1.")
            .field("PM_INIT_COMP_CAPABLE", 15, 15, HW_INIT, 1, "The device reports power-management init completion in status2.")
            .build();

    public static final RegisterDef CONTROL = reg("dvsec.control", Space.CFG, 0x10c, 16).spec(cxl("8.1.3.2"))
            .describe("Turns the CXL protocols on and sets the snoop-filter hints; frozen by CONFIG_LOCK.")
            .exec(LOCKED_BY_CONFIG_LOCK).copies(Copies.HOST_AND_SHADOW)
            .field("CACHE_ENABLE", 0, 0, LOCKED_BY_CONFIG_LOCK, 1, "Turn CXL.cache on.")
            .field("IO_ENABLE", 1, 1, RO, 1, "CXL.io is on; reads 1 in the specification, the shadow stores what is written.")
            .field("MEM_ENABLE", 2, 2, LOCKED_BY_CONFIG_LOCK, 1, "Turn CXL.mem on.")
            .field("CACHE_SF_COVERAGE", 7, 3, LOCKED_BY_CONFIG_LOCK, 0,
                    "Host snoop-filter size hint: 0 none, N means 2^(N+15) bytes.")
            .field("CACHE_SF_GRANULARITY", 10, 8, LOCKED_BY_CONFIG_LOCK, 0, "Snoop-filter granularity.")
            .enums(0, "64 B", 1, "128 B", 2, "256 B", 3, "512 B", 4, "1 KB", 5, "2 KB", 6, "4 KB", 7, "reserved")
            .field("CACHE_CLEAN_EVICTION", 11, 11, LOCKED_BY_CONFIG_LOCK, 0, "1 = the host does not need clean evictions.")
            .field("DIRECT_P2P_MEM_ENABLE", 12, 12, RSVD_P, 0,
                    "Direct peer-to-peer CXL.mem; reserved because cap3 does not advertise it.")
            .field("RSVD13", 13, 13, RSVD_P, 0, "Reserved.")
            .field("VIRAL_ENABLE", 14, 14, LOCKED_BY_CONFIG_LOCK, 0, "Enable viral handling.")
            .field("RSVD15", 15, 15, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef STATUS = reg("dvsec.status", Space.CFG, 0x10e, 16).spec(cxl("8.1.3.3"))
            .describe("Reports a viral condition; the series clears any bit written as 1.")
            .exec(RW1C).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 13, 0, RSVD_Z, 0, "Reserved.")
            .field("VIRAL_STATUS", 14, 14, RW1C, 0, "The device saw a viral condition (sticky).")
            .field("RSVD15", 15, 15, RSVD_Z, 0, "Reserved.")
            .build();

    public static final RegisterDef CONTROL2 = reg("dvsec.control2", Space.CFG, 0x110, 16).spec(cxl("8.1.3.4"))
            .describe("Cache flush and CXL Reset requests; the series freezes it with CONFIG_LOCK.")
            .exec(LOCKED_BY_CONFIG_LOCK).copies(Copies.HOST_AND_SHADOW)
            .field("DISABLE_CACHING", 0, 0, RW, 0, "Stop caching new modified lines.")
            .field("INITIATE_CACHE_WBI", 1, 1, RWA, 0,
                    "Write back and invalidate the device cache; reads 0 in the specification, the shadow keeps a written 1.")
            .field("INITIATE_CXL_RESET", 2, 2, RWA, 0,
                    "Start a CXL Reset (not modelled); reads 0 in the specification, the shadow keeps a written 1.")
            .field("CXL_RESET_MEM_CLR_ENABLE", 3, 3, RW, 0, "Scrub volatile HDM during CXL Reset.")
            .field("DESIRED_VOLATILE_HDM_STATE", 4, 4, RO, 0,
                    "Keep volatile HDM over hot reset; read-only because cap3 does not advertise it.")
            .field("MODIFIED_COMPLETION_ENABLE", 5, 5, RO, 0,
                    "Allow Cmp-M responses; read-only because cap2 does not advertise it.")
            .field("RSVD", 15, 6, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef STATUS2 = reg("dvsec.status2", Space.CFG, 0x112, 16).spec(cxl("8.1.3.5"))
            .describe("Cache and reset status; the series clears any bit written as 1, even PM_INIT_COMPLETE.")
            .exec(RW1C).copies(Copies.HOST_AND_SHADOW)
            .field("CACHE_INVALID", 0, 0, RO, 0, "The cache holds no valid lines.")
            .field("CXL_RESET_COMPLETE", 1, 1, RO, 0, "The last CXL Reset finished.")
            .field("CXL_RESET_ERROR", 2, 2, RO, 0, "The last CXL Reset finished with errors.")
            .field("VOLATILE_HDM_PRESERVATION_ERROR", 3, 3, RSVD_Z, 0,
                    "Volatile HDM was not preserved; reserved because cap3 does not advertise preservation.")
            .field("RSVD", 14, 4, RSVD_Z, 0, "Reserved.")
            .field("PM_INIT_COMPLETE", 15, 15, RO, 1, "Power-management initialisation is done.")
            .build();

    public static final RegisterDef LOCK = reg("dvsec.lock", Space.CFG, 0x114, 16).spec(cxl("8.1.3.6"))
            .describe("CONFIG_LOCK: once set, the DVSEC configuration is frozen until the device is re-created.")
            .copies(Copies.HOST_AND_SHADOW)
            .field("CONFIG_LOCK", 0, 0, RWO, p -> p.configLock() ? 1 : 0,
                    "Write 1 to freeze control and control2 (the series) or the RWL fields and range bases (the specification).")
            .field("RSVD", 15, 1, RSVD_P, 0, "Reserved.").execAs(RO)
            .build();

    public static final RegisterDef CAP2 = reg("dvsec.cap2", Space.CFG, 0x116, 16).spec(cxl("8.1.3.7"))
            .describe("Cache size, fallback mode and completion capabilities.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("CACHE_SIZE_UNIT", 3, 0, RO, 0, "Unit of CACHE_SIZE.").enums(0, "not reported", 1, "64 KB", 2, "1 MB")
            .field("FALLBACK_CAPABILITY", 5, 4, HW_INIT, 0, "What the device falls back to without CXL.")
            .enums(0, "none", 1, "PCIe", 2, "CXL Type 1", 3, "CXL Type 3")
            .field("MODIFIED_COMPLETION_CAPABLE", 6, 6, HW_INIT, 0, "The device can use Cmp-M responses.")
            .field("NO_CLEAN_WRITEBACK", 7, 7, HW_INIT, 0, "The device does not write back clean lines.")
            .field("CACHE_SIZE", 15, 8, RO, 0, "Cache size in CACHE_SIZE_UNIT units.")
            .build();

    public static final RegisterDef RANGE1_SIZE_HI = rangeSizeHi(1, 0x118, "8.1.3.8.1");
    public static final RegisterDef RANGE1_SIZE_LO = rangeSizeLo(1, 0x11c, "8.1.3.8.2");
    public static final RegisterDef RANGE1_BASE_HI = rangeBaseHi(1, 0x120, "8.1.3.8.3");
    public static final RegisterDef RANGE1_BASE_LO = rangeBaseLo(1, 0x124, "8.1.3.8.4");
    public static final RegisterDef RANGE2_SIZE_HI = rangeSizeHi(2, 0x128, "8.1.3.8.5");
    public static final RegisterDef RANGE2_SIZE_LO = rangeSizeLo(2, 0x12c, "8.1.3.8.6");
    public static final RegisterDef RANGE2_BASE_HI = rangeBaseHi(2, 0x130, "8.1.3.8.7");
    public static final RegisterDef RANGE2_BASE_LO = rangeBaseLo(2, 0x134, "8.1.3.8.8");

    public static final RegisterDef CAP3 = reg("dvsec.cap3", Space.CFG, 0x138, 16).spec(cxl("8.1.3.9"))
            .describe("Volatile-HDM reset behaviour and direct peer-to-peer capability; beyond the fields the series models.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("DEFAULT_VOLATILE_HDM_COLD", 0, 0, HW_INIT, 0, "1 = volatile HDM is cleared or randomised after a cold reset.")
            .field("DEFAULT_VOLATILE_HDM_WARM", 1, 1, HW_INIT, 0, "1 = volatile HDM is cleared or randomised after a warm reset.")
            .field("DEFAULT_VOLATILE_HDM_HOT", 2, 2, HW_INIT, 0, "1 = volatile HDM is cleared or randomised after a hot reset.")
            .field("VOLATILE_HDM_HOT_CONFIGURABLE", 3, 3, HW_INIT, 0, "Software may choose whether hot reset keeps volatile HDM.")
            .field("DIRECT_P2P_MEM_CAPABLE", 4, 4, HW_INIT, 0, "Direct peer-to-peer CXL.mem is supported.")
            .field("RSVD", 15, 5, RSVD_P, 0, "Reserved.")
            .build();

    public static final RegisterDef RSVD_3A = reg("dvsec.rsvd_3a", Space.CFG, 0x13a, 16).spec(cxl("8.1.3"))
            .describe("The last two bytes of the DVSEC; reserved.")
            .exec(RO).copies(Copies.HOST_AND_SHADOW)
            .field("RSVD", 15, 0, RSVD_P, 0, "Reserved.")
            .build();

    public static final FieldDef CONFIG_LOCK = LOCK.field("CONFIG_LOCK").orElseThrow();
    public static final FieldDef MEM_CAPABLE = CAP.field("MEM_CAPABLE").orElseThrow();

    static List<RegisterDef> all() {
        return List.of(ECAP_HDR, HDR1, HDR2, CAP, CONTROL, STATUS, CONTROL2, STATUS2, LOCK, CAP2,
                RANGE1_SIZE_HI, RANGE1_SIZE_LO, RANGE1_BASE_HI, RANGE1_BASE_LO,
                RANGE2_SIZE_HI, RANGE2_SIZE_LO, RANGE2_BASE_HI, RANGE2_BASE_LO, CAP3, RSVD_3A);
    }

    /** Range 1 carries the committed HDM range; range 2 is unused (HDM_COUNT = 1) and reads 0. */
    private static boolean used(int range) {
        return range == 1;
    }

    /** The series drops every write to the range registers: HwInit for range 1, RsvdZ for range 2 [K]. */
    private static Attribute execOf(int range) {
        return used(range) ? HW_INIT : RSVD_Z;
    }

    private static RegisterDef rangeSizeHi(int n, int offset, String section) {
        return reg("dvsec.range" + n + "_size_hi", Space.CFG, offset, 32).spec(cxl(section))
                .describe("Upper 32 bits of the size of DVSEC memory range " + n + ".")
                .exec(execOf(n)).copies(Copies.HOST_AND_SHADOW)
                .field("MEMORY_SIZE_HIGH", 31, 0, RO, p -> used(n) ? p.hdmSize() >>> 32 : 0, "Size bits 63:32.")
                .build();
    }

    private static RegisterDef rangeSizeLo(int n, int offset, String section) {
        return reg("dvsec.range" + n + "_size_lo", Space.CFG, offset, 32).spec(cxl(section))
                .describe("Low size bits of DVSEC memory range " + n + ", with its validity, media and interleave hints.")
                .exec(execOf(n)).copies(Copies.HOST_AND_SHADOW)
                .field("MEMORY_INFO_VALID", 0, 0, RO, used(n) ? 1 : 0, "The size registers are valid.")
                .field("MEMORY_ACTIVE", 1, 1, RO, used(n) ? 1 : 0, "The memory is ready for use.")
                .field("MEDIA_TYPE", 4, 2, RO, used(n) ? 2 : 0, "Media type (values 0 and 1 are deprecated).")
                .enums(0, "volatile memory (deprecated)", 1, "non-volatile memory (deprecated)", 2, "see CDAT")
                .field("MEMORY_CLASS", 7, 5, RO, used(n) ? 2 : 0, "Memory class (values 0 and 1 are deprecated).")
                .enums(0, "memory (deprecated)", 1, "storage (deprecated)", 2, "see CDAT")
                .field("DESIRED_INTERLEAVE", 12, 8, RO, 0, "Interleave granularity the device prefers.")
                .enums(0, "none", 1, "256 B", 2, "4 KB", 3, "512 B", 4, "1 KB", 5, "2 KB", 6, "8 KB", 7, "16 KB")
                .field("MEMORY_ACTIVE_TIMEOUT", 15, 13, HW_INIT, 0, "How long the memory may take to become active.")
                .enums(0, "1 s", 1, "4 s", 2, "16 s", 3, "64 s", 4, "256 s")
                .field("MEMORY_ACTIVE_DEGRADED", 16, 16, RO, 0, "The memory is usable but degraded (revision 3).")
                .field("RSVD", 27, 17, RSVD_P, 0, "Reserved.")
                .field("MEMORY_SIZE_LOW", 31, 28, RO, p -> used(n) ? (p.hdmSize() >>> 28) & 0xF : 0,
                        "Size bits 31:28 (the size is a multiple of 256 MB).")
                .build();
    }

    private static RegisterDef rangeBaseHi(int n, int offset, String section) {
        return reg("dvsec.range" + n + "_base_hi", Space.CFG, offset, 32).spec(cxl(section))
                .describe("Upper 32 bits of the host physical base of DVSEC memory range " + n
                        + "; legacy while HDM decoders are enabled.")
                .exec(execOf(n)).copies(Copies.HOST_AND_SHADOW)
                .field("MEMORY_BASE_HIGH", 31, 0, rwl(Gate.CONFIG_LOCK), p -> used(n) ? p.hpaBase() >>> 32 : 0,
                        "Base bits 63:32; firmware mirrors decoder 0 here (model choice).")
                .build();
    }

    private static RegisterDef rangeBaseLo(int n, int offset, String section) {
        return reg("dvsec.range" + n + "_base_lo", Space.CFG, offset, 32).spec(cxl(section))
                .describe("Low base bits of DVSEC memory range " + n + ".")
                .exec(execOf(n)).copies(Copies.HOST_AND_SHADOW)
                .field("RSVD", 27, 0, RSVD_P, 0, "Reserved.")
                .field("MEMORY_BASE_LOW", 31, 28, rwl(Gate.CONFIG_LOCK), p -> used(n) ? (p.hpaBase() >>> 28) & 0xF : 0,
                        "Base bits 31:28.")
                .build();
    }
}
