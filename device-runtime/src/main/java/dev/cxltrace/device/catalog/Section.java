package dev.cxltrace.device.catalog;

/** A specification section a register is defined in: the CXL or the PCI Express specification. */
public record Section(String document, String number) {

    public static Section cxl(String number) {
        return new Section("CXL", number);
    }

    public static Section pcie(String number) {
        return new Section("PCIe", number);
    }

    @Override
    public String toString() {
        return document + " " + number;
    }
}
