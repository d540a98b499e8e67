package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.cxl;
import static dev.cxltrace.device.semantics.Attribute.RO;
import static dev.cxltrace.device.semantics.Attribute.RSVD_P;

import java.util.List;

/**
 * The Register Locator DVSEC at 140h, REGISTERS.md §3.6 [S 8.1.9]: one block entry that points at
 * the component register block in {@code comp_bar} at {@code comp_offset}. Read-only in both views.
 */
final class RegisterLocatorRegisters {
    private RegisterLocatorRegisters() {
    }

    static List<RegisterDef> all() {
        return List.of(
                reg("regloc.ecap_hdr", Space.CFG, 0x140, 32).spec(cxl("8.1.9"))
                        .describe("PCIe extended capability header of the Register Locator DVSEC.")
                        .field("CAP_ID", 15, 0, RO, 0x0023, "0023h = designated vendor-specific extended capability.")
                        .field("CAP_VER", 19, 16, RO, 1, "Capability version.")
                        .field("NEXT", 31, 20, RO, 0x000, "Next extended capability; none.").build(),
                reg("regloc.hdr1", Space.CFG, 0x144, 32).spec(cxl("8.1.9"))
                        .describe("DVSEC header 1 of the Register Locator.")
                        .field("VENDOR", 15, 0, RO, 0x1E98, "DVSEC vendor: 1E98h, the CXL consortium.")
                        .field("REV", 19, 16, RO, 0, "DVSEC revision.")
                        .field("LENGTH", 31, 20, RO, 0x014, "Length in bytes: 0Ch plus 8 per register block entry.").build(),
                reg("regloc.hdr2", Space.CFG, 0x148, 16).spec(cxl("8.1.9"))
                        .describe("DVSEC header 2 of the Register Locator.")
                        .field("DVSEC_ID", 15, 0, RO, 0x0008, "8 = Register Locator DVSEC.").build(),
                reg("regloc.rsvd", Space.CFG, 0x14a, 16).spec(cxl("8.1.9"))
                        .describe("Reserved.")
                        .field("RSVD", 15, 0, RSVD_P, 0, "Reserved.").execAs(RO).build(),
                reg("regloc.block1_lo", Space.CFG, 0x14c, 32).spec(cxl("8.1.9.1"))
                        .describe("Register block entry 1, low: which BAR holds which register block, and where.")
                        .field("BIR", 2, 0, RO, p -> p.compBar(), "BAR indicator: the BAR that holds the block.")
                        .field("RSVD", 7, 3, RSVD_P, 0, "Reserved.").execAs(RO)
                        .field("BLOCK_ID", 15, 8, RO, 1, "What the block is.")
                        .enums(0, "empty", 1, "component registers", 2, "BAR virtualisation ACL", 3, "memory device registers",
                                4, "CPMU registers", 0xFF, "vendor specific")
                        .field("OFFSET_LOW", 31, 16, RO, p -> (p.compOffset() >>> 16) & 0xFFFF,
                                "Offset of the block in the BAR, bits 31:16 (64K granularity).").build(),
                reg("regloc.block1_hi", Space.CFG, 0x150, 32).spec(cxl("8.1.9.2"))
                        .describe("Register block entry 1, high: the upper half of the block's offset.")
                        .field("OFFSET_HIGH", 31, 0, RO, p -> p.compOffset() >>> 32, "Offset bits 63:32.").build());
    }
}
