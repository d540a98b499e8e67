package dev.cxltrace.device.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Byte-addressed little-endian memory of any size up to 2^64 that costs nothing until written:
 * untouched bytes read 0 and 4K pages appear on their first write (REGISTERS.md §5.6).
 *
 * <p>Pages hang off a radix tree of 64-way nodes. Snapshots are O(1) and share every node and
 * page: each node records the generation that may change it in place, {@link #snapshot} moves this
 * memory to a fresh generation, and a later write copies the path to its page first
 * (copy-on-write). Generations come from one global counter, so no two memories ever own the
 * same node.
 */
public final class SparseMemory {
    static final int PAGE_BITS = 12;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int FANOUT_BITS = 6;
    private static final int FANOUT = 1 << FANOUT_BITS;
    private static final AtomicLong GENERATIONS = new AtomicLong();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final int levels;
    private long generation;
    private Node root;
    private int pages;
    // One-entry cache of the last page written in the current generation, for runs of accesses.
    private long cachedIndex = -1;
    private byte[] cachedPage;

    public SparseMemory(long size) {
        this(size, levelsFor(size), null, 0);
    }

    private SparseMemory(long size, int levels, Node root, int pages) {
        this.size = size;
        this.levels = levels;
        this.root = root;
        this.pages = pages;
        this.generation = GENERATIONS.incrementAndGet();
    }

    /** The size in bytes; accesses must lie inside it. */
    public long size() {
        return size;
    }

    /** How many 4K pages have been written so far. */
    public int pagesInUse() {
        return pages;
    }

    /** Reads {@code bytes} (1..8) at {@code offset}, little-endian; the caller checks the range. */
    public long read(long offset, int bytes) {
        long index = offset >>> PAGE_BITS;
        int inPage = (int) (offset & (PAGE_SIZE - 1));
        if (inPage + bytes <= PAGE_SIZE) {
            byte[] page = index == cachedIndex ? cachedPage : find(index);
            if (page == null) {
                return 0;
            }
            if (bytes == 8) {
                return (long) LONGS.get(page, inPage);
            }
            long v = 0;
            for (int i = bytes - 1; i >= 0; i--) {
                v = (v << 8) | (page[inPage + i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | read(offset + i, 1);
        }
        return v;
    }

    /** Writes the low {@code bytes} (1..8) of {@code value} at {@code offset}, little-endian. */
    public void write(long offset, int bytes, long value) {
        long index = offset >>> PAGE_BITS;
        int inPage = (int) (offset & (PAGE_SIZE - 1));
        if (inPage + bytes <= PAGE_SIZE) {
            byte[] page = index == cachedIndex ? cachedPage : writablePage(index);
            if (bytes == 8) {
                LONGS.set(page, inPage, value);
                return;
            }
            for (int i = 0; i < bytes; i++) {
                page[inPage + i] = (byte) (value >>> (8 * i));
            }
            return;
        }
        for (int i = 0; i < bytes; i++) {
            write(offset + i, 1, value >>> (8 * i));
        }
    }

    /** An immutable view of the current contents; O(1), pages shared until either side writes. */
    public Snapshot snapshot() {
        Snapshot s = new Snapshot(size, levels, root, pages);
        generation = GENERATIONS.incrementAndGet();
        cachedIndex = -1;
        cachedPage = null;
        return s;
    }

    /** A memory that starts from a snapshot and owns none of its nodes. */
    public static SparseMemory restore(Snapshot s) {
        return new SparseMemory(s.size, s.levels, s.root, s.pages);
    }

    /** Frozen contents of a {@link SparseMemory}. */
    public static final class Snapshot {
        private final long size;
        private final int levels;
        private final Node root;
        private final int pages;

        private Snapshot(long size, int levels, Node root, int pages) {
            this.size = size;
            this.levels = levels;
            this.root = root;
            this.pages = pages;
        }

        /** Reads as {@link SparseMemory#read} does, without a memory to own the nodes. */
        public long read(long offset, int bytes) {
            return restore(this).read(offset, bytes);
        }
    }

    private static final class Node {
        final long generation;
        final Object[] slots;

        Node(long generation, Object[] slots) {
            this.generation = generation;
            this.slots = slots;
        }
    }

    private static final class Page {
        final long generation;
        final byte[] bytes;

        Page(long generation, byte[] bytes) {
            this.generation = generation;
            this.bytes = bytes;
        }
    }

    private static int levelsFor(long size) {
        long lastPage = size <= PAGE_SIZE ? 0 : (size - 1) >>> PAGE_BITS;
        int bits = 64 - Long.numberOfLeadingZeros(lastPage);
        return Math.max(1, (bits + FANOUT_BITS - 1) / FANOUT_BITS);
    }

    private int slot(long index, int level) {
        return (int) (index >>> (FANOUT_BITS * (levels - 1 - level))) & (FANOUT - 1);
    }

    private byte[] find(long index) {
        Node n = root;
        for (int level = 0; level < levels - 1 && n != null; level++) {
            n = (Node) n.slots[slot(index, level)];
        }
        if (n == null) {
            return null;
        }
        Page p = (Page) n.slots[slot(index, levels - 1)];
        return p == null ? null : p.bytes;
    }

    private byte[] writablePage(long index) {
        root = owned(root);
        Node n = root;
        for (int level = 0; level < levels - 1; level++) {
            int s = slot(index, level);
            Node child = owned((Node) n.slots[s]);
            n.slots[s] = child;
            n = child;
        }
        int s = slot(index, levels - 1);
        Page p = (Page) n.slots[s];
        if (p == null) {
            p = new Page(generation, new byte[PAGE_SIZE]);
            pages++;
        } else if (p.generation != generation) {
            p = new Page(generation, p.bytes.clone());
        }
        n.slots[s] = p;
        cachedIndex = index;
        cachedPage = p.bytes;
        return p.bytes;
    }

    private Node owned(Node n) {
        if (n == null) {
            return new Node(generation, new Object[FANOUT]);
        }
        return n.generation == generation ? n : new Node(generation, n.slots.clone());
    }
}
