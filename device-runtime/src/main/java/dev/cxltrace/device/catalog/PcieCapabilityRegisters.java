package dev.cxltrace.device.catalog;

import static dev.cxltrace.device.catalog.RegisterDef.reg;
import static dev.cxltrace.device.catalog.Section.pcie;
import static dev.cxltrace.device.semantics.Attribute.RO;
import static dev.cxltrace.device.semantics.Attribute.RSVD_P;
import static dev.cxltrace.device.semantics.Attribute.RW;
import static dev.cxltrace.device.semantics.Attribute.RWA;
import static dev.cxltrace.device.semantics.Attribute.UNMODELLED;

import java.util.List;

/**
 * The PCI Express capability at 40h, REGISTERS.md §3.3. Values are model choices; which fields a
 * guest may write follows vfio's permission table [L vfio_pci_config.c], field names follow
 * Linux {@code pci_regs.h}.
 */
final class PcieCapabilityRegisters {
    private PcieCapabilityRegisters() {
    }

    static List<RegisterDef> all() {
        return List.of(
                reg("pcie.cap_hdr", Space.CFG, 0x40, 16).spec(pcie("7.5.3.1"))
                        .describe("Capability list entry of the PCI Express capability.")
                        .field("CAP_ID", 7, 0, RO, 0x10, "10h = PCI Express.")
                        .field("NEXT", 15, 8, RO, 0x00, "Next capability; none.").build(),
                reg("pcie.flags", Space.CFG, 0x42, 16).spec(pcie("7.5.3.2"))
                        .describe("Capability version and device/port type.")
                        .field("VERSION", 3, 0, RO, 2, "Capability structure version.")
                        .field("PORT_TYPE", 7, 4, RO, 0, "Device/port type.").enums(0, "PCI Express endpoint").build(),
                reg("pcie.devcap", Space.CFG, 0x44, 32).spec(pcie("7.5.3.3"))
                        .describe("What the device supports: payload size, error reporting, function-level reset.")
                        .field("MPS_SUPPORTED", 2, 0, RO, 1, "Largest supported payload.")
                        .enums(0, "128 B", 1, "256 B", 2, "512 B", 3, "1 KB", 4, "2 KB", 5, "4 KB")
                        .field("RBER", 15, 15, RO, 1, "Role-based error reporting.")
                        .field("FLR_CAPABLE", 28, 28, RO, 1, "Function-level reset supported.").build(),
                reg("pcie.devctl", Space.CFG, 0x48, 16).spec(pcie("7.5.3.4"))
                        .describe("Device control: error reporting enables, payload and read request sizes.")
                        .field("CERE", 0, 0, RW, 0, "Correctable error reporting enable.")
                        .field("NFERE", 1, 1, RW, 0, "Non-fatal error reporting enable.")
                        .field("FERE", 2, 2, RW, 0, "Fatal error reporting enable.")
                        .field("URRE", 3, 3, RW, 0, "Unsupported request reporting enable.")
                        .field("RELAX_EN", 4, 4, RW, 1, "Relaxed ordering enable.")
                        .field("PAYLOAD", 7, 5, RW, 0, "Max payload size.")
                        .enums(0, "128 B", 1, "256 B", 2, "512 B", 3, "1 KB", 4, "2 KB", 5, "4 KB")
                        .field("EXT_TAG", 8, 8, RW, 0, "Extended tag field enable.")
                        .field("PHANTOM", 9, 9, RO, 0, "Phantom functions enable.")
                        .field("AUX_PM", 10, 10, RW, 0, "Aux power PM enable.")
                        .field("NOSNOOP_EN", 11, 11, RW, 1, "Enable no-snoop.")
                        .field("READRQ", 14, 12, RW, 2, "Max read request size.")
                        .enums(0, "128 B", 1, "256 B", 2, "512 B", 3, "1 KB", 4, "2 KB", 5, "4 KB")
                        .field("BCR_FLR", 15, 15, RWA, 0, "Initiate function-level reset; a written 1 would "
                                + "reset the function, which the model does not do.").execAs(UNMODELLED).build(),
                reg("pcie.devsta", Space.CFG, 0x4a, 16).spec(pcie("7.5.3.5"))
                        .describe("Device status; vfio grants a guest no write to it.").build(),
                reg("pcie.lnkcap", Space.CFG, 0x4c, 32).spec(pcie("7.5.3.6"))
                        .describe("Link capabilities: speed and width.")
                        .field("SPEED", 3, 0, RO, 5, "Max link speed, an index into the supported speeds vector.")
                        .field("WIDTH", 9, 4, RO, 0x10, "Max link width (x16).").build(),
                reg("pcie.lnkctl", Space.CFG, 0x50, 16).spec(pcie("7.5.3.7"))
                        .describe("Link control; read-only to a guest.").build(),
                reg("pcie.lnksta", Space.CFG, 0x52, 16).spec(pcie("7.5.3.8"))
                        .describe("Link status: the negotiated speed and width.")
                        .field("SPEED", 3, 0, RO, 5, "Current link speed.")
                        .field("WIDTH", 9, 4, RO, 0x10, "Negotiated link width.").build(),
                reg("pcie.devcap2", Space.CFG, 0x64, 32).spec(pcie("7.5.3.15"))
                        .describe("Device capabilities 2; nothing advertised.").build(),
                reg("pcie.devctl2", Space.CFG, 0x68, 16).spec(pcie("7.5.3.16"))
                        .describe("Device control 2: completion timeout, atomics, ordering and power features.")
                        .field("COMP_TIMEOUT", 3, 0, RW, 0, "Completion timeout value.")
                        .field("COMP_TMOUT_DIS", 4, 4, RW, 0, "Completion timeout disable.")
                        .field("ARI", 5, 5, RO, 0, "Alternative routing-ID forwarding (ports only).")
                        .field("ATOMIC_REQ", 6, 6, RW, 0, "AtomicOp requester enable.")
                        .field("ATOMIC_EGRESS_BLOCK", 7, 7, RW, 0, "AtomicOp egress blocking.")
                        .field("IDO_REQ_EN", 8, 8, RW, 0, "ID-based ordering request enable.")
                        .field("IDO_CMP_EN", 9, 9, RW, 0, "ID-based ordering completion enable.")
                        .field("LTR_EN", 10, 10, RW, 0, "Latency tolerance reporting enable.")
                        .field("RSVD11", 12, 11, RSVD_P, 0, "Reserved.")
                        .field("OBFF", 14, 13, RW, 0, "Optimised buffer flush/fill enable.")
                        .field("RSVD15", 15, 15, RSVD_P, 0, "Reserved.").build(),
                reg("pcie.devsta2", Space.CFG, 0x6a, 16).spec(pcie("7.5.3.17"))
                        .describe("Device status 2; reserved.").build(),
                reg("pcie.lnkcap2", Space.CFG, 0x6c, 32).spec(pcie("7.5.3.18"))
                        .describe("Link capabilities 2: the supported link speeds vector.")
                        .field("SPEEDS", 7, 1, RO, 0x1F, "Supported link speeds, one bit per generation (2.5 to 32 GT/s).").build(),
                reg("pcie.lnkctl2", Space.CFG, 0x70, 16).spec(pcie("7.5.3.19"))
                        .describe("Link control 2; read-only to a guest.")
                        .field("TARGET_SPEED", 3, 0, RO, 5, "Target link speed.").build(),
                reg("pcie.lnksta2", Space.CFG, 0x72, 16).spec(pcie("7.5.3.20"))
                        .describe("Link status 2.")
                        .field("FLIT", 10, 10, RO, 0, "The link runs in flit mode.").build());
    }
}
