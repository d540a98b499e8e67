package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.pcie;
import static dev.cxltrace.device.semantics.Attribute.RO;
import static dev.cxltrace.device.semantics.Attribute.RSVD_P;
import static dev.cxltrace.device.semantics.Attribute.RW;
import static dev.cxltrace.device.semantics.Attribute.RW1C;
import static dev.cxltrace.device.semantics.Attribute.UNMODELLED;

import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The type 0 configuration header, REGISTERS.md §3.2. Values are model choices; writability is
 * what vfio's permission table grants [L vfio_pci_config.c], Spec = Exec unless a row differs.
 */
final class PciHeaderRegisters {
    private PciHeaderRegisters() {
    }

    static List<RegisterDef> all() {
        List<RegisterDef> r = new ArrayList<>();
        r.add(reg("pci.vendor_id", Space.CFG, 0x00, 16).spec(pcie("7.5.1.1.1"))
                .describe("Identifies the manufacturer of the function.")
                .field("VENDOR_ID", 15, 0, RO, 0x1234, "PCI vendor identifier (model choice).").build());
        r.add(reg("pci.device_id", Space.CFG, 0x02, 16).spec(pcie("7.5.1.1.2"))
                .describe("Identifies the device within the vendor's range.")
                .field("DEVICE_ID", 15, 0, RO, 0x7C02, "PCI device identifier (model choice).").build());
        r.add(reg("pci.command", Space.CFG, 0x04, 16).spec(pcie("7.5.1.1.3"))
                .describe("Controls how the function responds on the bus; vfio virtualises the bits it lets a guest write.")
                .field("IO", 0, 0, RW, 0, "Respond to I/O space accesses.")
                .field("MEM", 1, 1, RW, 1, "Respond to memory space accesses.")
                .field("MASTER", 2, 2, RW, 0, "Allow the function to issue requests (bus master).")
                .field("SPECIAL", 3, 3, RO, 0, "Special cycles; hardwired 0 in PCIe.")
                .field("INVALIDATE", 4, 4, RO, 0, "Memory write and invalidate; hardwired 0 in PCIe.")
                .field("VGA_PALETTE", 5, 5, RO, 0, "VGA palette snooping; hardwired 0 in PCIe.")
                .field("PARITY", 6, 6, RW, 0, "Report parity errors.")
                .field("WAIT", 7, 7, RO, 0, "IDSEL stepping; hardwired 0.")
                .field("SERR", 8, 8, RW, 0, "Enable SERR# reporting of fatal and non-fatal errors.")
                .field("FAST_BACK", 9, 9, RO, 0, "Fast back-to-back transactions; hardwired 0 in PCIe.")
                .field("INTX_DISABLE", 10, 10, RW, 0, "Stop the function from asserting INTx.")
                .field("RSVD", 15, 11, RSVD_P, 0, "Reserved.")
                .build());
        r.add(reg("pci.status", Space.CFG, 0x06, 16).spec(pcie("7.5.1.1.4"))
                .describe("Reports bus events; vfio grants a guest no write to it, so its error bits cannot be cleared through the config region.")
                .field("INTERRUPT", 3, 3, RO, 0, "An INTx interrupt is pending.")
                .field("CAP_LIST", 4, 4, RO, 1, "A capability list starts at cap_ptr (vfio-virtualised).")
                .field("PARITY_ERR", 8, 8, RW1C, 0, "Master data parity error.").execAs(RO)
                .field("SIG_TGT_ABORT", 11, 11, RW1C, 0, "The function signalled a target abort.").execAs(RO)
                .field("RCV_TGT_ABORT", 12, 12, RW1C, 0, "The function received a target abort.").execAs(RO)
                .field("RCV_MST_ABORT", 13, 13, RW1C, 0, "The function received a master abort.").execAs(RO)
                .field("SIG_SYS_ERR", 14, 14, RW1C, 0, "The function signalled a system error.").execAs(RO)
                .field("DET_PARITY", 15, 15, RW1C, 0, "The function detected a parity error.").execAs(RO)
                .build());
        r.add(reg("pci.class_rev", Space.CFG, 0x08, 32).spec(pcie("7.5.1.1.5"))
                .describe("Revision and class code: a processing accelerator.")
                .field("REVISION_ID", 7, 0, RO, 0x01, "Device revision.")
                .field("PROG_IF", 15, 8, RO, 0x00, "Programming interface.")
                .field("SUBCLASS", 23, 16, RO, 0x00, "Sub-class code.")
                .field("BASE_CLASS", 31, 24, RO, 0x12, "Base class code; 12h is a processing accelerator.")
                .build());
        r.add(reg("pci.cache_line", Space.CFG, 0x0c, 8).spec(pcie("7.5.1.1.7"))
                .describe("Cache line size; vfio passes it through without virtualisation, so it is writable.")
                .field("CLS", 7, 0, RW, 0, "System cache line size in dwords.").build());
        r.add(reg("pci.latency", Space.CFG, 0x0d, 8).spec(pcie("7.5.1.1.8"))
                .describe("Latency timer; hardwired 0 in PCIe.")
                .field("LATENCY_TIMER", 7, 0, RO, 0, "Latency timer.").build());
        r.add(reg("pci.header_type", Space.CFG, 0x0e, 8).spec(pcie("7.5.1.1.9"))
                .describe("Header layout: type 0, single function.")
                .field("HEADER_TYPE", 7, 0, RO, 0, "0 = type 0 header, single function.").build());
        r.add(reg("pci.bist", Space.CFG, 0x0f, 8).spec(pcie("7.5.1.1.10"))
                .describe("Built-in self test; the device has none.")
                .field("BIST", 7, 0, RO, 0, "Self-test control and status.").build());
        for (int n = 0; n < 6; n++) {
            r.add(bar(n));
        }
        r.add(reg("pci.cardbus_cis", Space.CFG, 0x28, 32).spec(pcie("7.5.1.2.2"))
                .describe("CardBus CIS pointer; not used.")
                .field("CIS_POINTER", 31, 0, RO, 0, "CardBus CIS pointer.").build());
        r.add(reg("pci.subsys_vendor_id", Space.CFG, 0x2c, 16).spec(pcie("7.5.1.2.3"))
                .describe("Vendor of the board or subsystem.")
                .field("SUBSYS_VENDOR_ID", 15, 0, RO, 0x1234, "Subsystem vendor identifier.").build());
        r.add(reg("pci.subsys_id", Space.CFG, 0x2e, 16).spec(pcie("7.5.1.2.3"))
                .describe("Identifies the board or subsystem.")
                .field("SUBSYS_ID", 15, 0, RO, 0x0001, "Subsystem identifier.").build());
        r.add(reg("pci.rom", Space.CFG, 0x30, 32).spec(pcie("7.5.1.2.4"))
                .describe("Expansion ROM base address; the device has no ROM.")
                .field("ROM", 31, 0, RO, 0, "Expansion ROM base and enable.").build());
        r.add(reg("pci.cap_ptr", Space.CFG, 0x34, 8).spec(pcie("7.5.1.1.11"))
                .describe("Offset of the first capability: the PCI Express capability.")
                .field("CAP_PTR", 7, 0, RO, 0x40, "Capabilities pointer.").build());
        r.add(reg("pci.rsvd_35", Space.CFG, 0x35, 56).spec(pcie("7.5.1"))
                .describe("Reserved bytes 35h–3Bh of the header; unassigned in the model.")
                .field("RSVD", 55, 0, UNMODELLED, 0, "Reserved.").build());
        r.add(reg("pci.int_line", Space.CFG, 0x3c, 8).spec(pcie("7.5.1.1.12"))
                .describe("Interrupt line, for the guest's own bookkeeping (vfio-virtualised).")
                .field("INT_LINE", 7, 0, RW, 0, "Interrupt line routing.").build());
        r.add(reg("pci.int_pin", Space.CFG, 0x3d, 8).spec(pcie("7.5.1.1.13"))
                .describe("Which INTx pin the function uses.")
                .field("INT_PIN", 7, 0, RO, 1, "1 = INTA.").build());
        r.add(reg("pci.min_gnt", Space.CFG, 0x3e, 8).spec(pcie("7.5.1.2.5"))
                .describe("Minimum grant; hardwired 0 in PCIe.")
                .field("MIN_GNT", 7, 0, RO, 0, "Minimum grant.").build());
        r.add(reg("pci.max_lat", Space.CFG, 0x3f, 8).spec(pcie("7.5.1.2.5"))
                .describe("Maximum latency; hardwired 0 in PCIe.")
                .field("MAX_LAT", 7, 0, RO, 0, "Maximum latency.").build());
        return r;
    }

    /**
     * A BAR. vfio virtualises BARs: the component BAR is a 32-bit memory BAR whose address bits
     * below log2(bar_size) read 0, so writing all ones sizes it; the other BARs are unused and read 0.
     */
    private static RegisterDef bar(int n) {
        return reg("pci.bar" + n, Space.CFG, 0x10 + 4 * n, 32).spec(pcie("7.5.1.2.1"))
                .describe("Base address register " + n + "; the component BAR (comp_bar) maps the 64K component "
                        + "register block, other BARs are unused and read 0.")
                .behaviour(Behaviour.BAR_SIZING)
                .layout(p -> barFields(n, p))
                .build();
    }

    private static List<FieldDef> barFields(int n, DeviceProfile p) {
        List<FieldDef> f = new ArrayList<>();
        f.add(field("MEM_IND", 0, 0, RO, "0 = memory BAR."));
        f.add(field("TYPE", 2, 1, RO, "00b = 32-bit address."));
        f.add(field("PREFETCH", 3, 3, RO, "Prefetchable."));
        if (n == p.compBar()) {
            int k = Long.numberOfTrailingZeros(p.barSize());
            f.add(field("SIZE", k - 1, 4, RO, "Address bits below the BAR size; read 0, which is how software sizes the BAR."));
            f.add(field("BASE", 31, k, RW, "Base address of the BAR, in units of its size."));
        } else {
            f.add(field("SIZE", 31, 4, RO, "Not implemented: the BAR reads 0."));
        }
        return List.copyOf(f);
    }

    private static FieldDef field(String name, int hi, int lo, Attribute a, String description) {
        return new FieldDef(name, hi, lo, a, a, p -> 0, description, List.of(), List.of());
    }
}
