package dev.cxltrace.device.fsm;

import dev.cxltrace.device.catalog.DvsecRegisters;

/**
 * How vfio cuts a config access into chunks (REGISTERS.md §5.4) [L vfio_pci_config.c][K]: each
 * chunk is naturally aligned, 4, 2 or 1 bytes, never crosses a dword, and never crosses the DVSEC
 * body start, so header bytes and body bytes reach different handlers.
 */
public final class ConfigChunking {
    private ConfigChunking() {
    }

    /** The size of the chunk that starts at {@code position} of an access ending at {@code end}. */
    public static int chunkAt(long position, long end) {
        long left = end - position;
        int size;
        if ((position & 3) == 0 && left >= 4) {
            size = 4;
        } else if ((position & 1) == 0 && left >= 2) {
            size = 2;
        } else {
            size = 1;
        }
        if (position < DvsecRegisters.BODY_START && position + size > DvsecRegisters.BODY_START) {
            size = (int) (DvsecRegisters.BODY_START - position);
        }
        return size;
    }
}
