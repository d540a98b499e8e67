package dev.cxltrace.lang.resolve;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.vfio.DeviceInfo;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.device.vfio.RegionInfo;
import dev.cxltrace.device.vfio.SparseMmapArea;
import dev.cxltrace.device.vfio.VfioDevice;
import java.util.List;

/**
 * What an {@code expect} can read (TRACE-LANGUAGE.md §3): a register or field (guest or host
 * copy), an item of the VFIO device info, a region property, or the creation errno. Reading never
 * changes state and is not an access.
 */
public sealed interface Target {

    /** Width in bits, for literal checks and comparisons. */
    int width();

    /** The canonical spelling. */
    String canonical();

    /** The value now; {@code device} is null after a failed creation (only {@link Create} reads then). */
    Reading read(VfioDevice device, Errno creation);

    /** A value, or why there is none (a sparse area index past the last area). */
    record Reading(long value, String problem) {
        static Reading of(long v) {
            return new Reading(v, null);
        }
    }

    record Register(RegisterDef register, FieldDef field, boolean host) implements Target {
        @Override
        public int width() {
            return field != null ? field.width() : register.width();
        }

        @Override
        public String canonical() {
            return (host ? "host." : "") + register.path() + (field != null ? "." + field.name() : "");
        }

        @Override
        public Reading read(VfioDevice device, Errno creation) {
            long v = host ? device.hostValue(register) : device.value(register);
            return Reading.of(field != null ? field.extract(v) : v);
        }
    }

    /** The device-info items of §6.1. */
    enum InfoItem {
        FLAGS_CXL("info.flags.cxl", 1),
        NUM_REGIONS("info.num_regions", 32),
        HOST_FIRMWARE_COMMITTED("info.cxl.flags.host_firmware_committed", 1),
        HDM_REGION_IDX("info.cxl.hdm_region_idx", 32),
        COMP_REG_REGION_IDX("info.cxl.comp_reg_region_idx", 32),
        COMP_REG_BAR("info.cxl.comp_reg_bar", 32),
        COMP_REG_OFFSET("info.cxl.comp_reg_offset", 64),
        COMP_REG_SIZE("info.cxl.comp_reg_size", 64);

        final String path;
        final int width;

        InfoItem(String path, int width) {
            this.path = path;
            this.width = width;
        }

        public String path() {
            return path;
        }

        long of(DeviceInfo i) {
            return switch (this) {
                case FLAGS_CXL -> i.flagCxl() ? 1 : 0;
                case NUM_REGIONS -> i.numRegions();
                case HOST_FIRMWARE_COMMITTED -> i.hostFirmwareCommitted() ? 1 : 0;
                case HDM_REGION_IDX -> i.hdmRegionIdx();
                case COMP_REG_REGION_IDX -> i.compRegRegionIdx();
                case COMP_REG_BAR -> i.compRegBar();
                case COMP_REG_OFFSET -> i.compRegOffset();
                case COMP_REG_SIZE -> i.compRegSize();
            };
        }
    }

    record Info(InfoItem item) implements Target {
        @Override
        public int width() {
            return item.width;
        }

        @Override
        public String canonical() {
            return item.path;
        }

        @Override
        public Reading read(VfioDevice device, Errno creation) {
            return Reading.of(item.of(device.info()));
        }
    }

    /** The region properties of §6.2. */
    enum RegionProperty {
        SIZE("size", 64), OFFSET("offset", 64), FLAGS_READ("flags.read", 1), FLAGS_WRITE("flags.write", 1),
        FLAGS_MMAP("flags.mmap", 1), SPARSE_COUNT("sparse.count", 32), SPARSE_OFFSET("offset", 64), SPARSE_SIZE("size", 64);

        final String suffix;
        final int width;

        RegionProperty(String suffix, int width) {
            this.suffix = suffix;
            this.width = width;
        }
    }

    record Region(Space region, RegionProperty property, int sparseIndex) implements Target {
        @Override
        public int width() {
            return property.width;
        }

        @Override
        public String canonical() {
            String base = "region." + region.canonicalName() + ".";
            return property == RegionProperty.SPARSE_OFFSET || property == RegionProperty.SPARSE_SIZE
                    ? base + "sparse[" + sparseIndex + "]." + property.suffix : base + property.suffix;
        }

        @Override
        public Reading read(VfioDevice device, Errno creation) {
            RegionInfo r = device.region(region);
            List<SparseMmapArea> areas = r.sparseAreas();
            return switch (property) {
                case SIZE -> Reading.of(r.size());
                case OFFSET -> Reading.of(r.offset());
                case FLAGS_READ -> Reading.of(r.readable() ? 1 : 0);
                case FLAGS_WRITE -> Reading.of(r.writable() ? 1 : 0);
                case FLAGS_MMAP -> Reading.of(r.mmappable() ? 1 : 0);
                case SPARSE_COUNT -> Reading.of(areas.size());
                case SPARSE_OFFSET, SPARSE_SIZE -> sparseIndex < areas.size()
                        ? Reading.of(property == RegionProperty.SPARSE_OFFSET ? areas.get(sparseIndex).offset() : areas.get(sparseIndex).size())
                        : new Reading(0, "region " + region.canonicalName() + " has " + areas.size() + " sparse area"
                                + (areas.size() == 1 ? "" : "s") + "; sparse[" + sparseIndex + "] does not exist");
            };
        }
    }

    /** The errno of device creation, 0 when it succeeded. */
    record Create() implements Target {
        @Override
        public int width() {
            return 32;
        }

        @Override
        public String canonical() {
            return "create";
        }

        @Override
        public Reading read(VfioDevice device, Errno creation) {
            return Reading.of(creation == null ? 0 : creation.number());
        }
    }
}
