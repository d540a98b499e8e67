package dev.cxltrace.device.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
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
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** What an unwritten page and an absent node compare as, for {@link #contentEquals}. */
    private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];
    private static final Object[] EMPTY_SLOTS = new Object[FANOUT];

    private final long size;
    private final int levels;
    private long generation;
    private Node root;
    private int pages;
    // One-entry cache of the last page created or copied in the current generation, for runs of
    // accesses to a new page. It is set only there: storing a reference into this long-lived
    // object costs a GC barrier (a fence under G1), more than the walk it would save when
    // accesses jump between pages (docs/PERFORMANCE.md). Reads and writes of existing pages walk.
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
            switch (bytes) {
                case 8:
                    return (long) LONGS.get(page, inPage);
                case 4:
                    return (int) INTS.get(page, inPage) & 0xFFFF_FFFFL;
                case 2:
                    return (short) SHORTS.get(page, inPage) & 0xFFFFL;
                case 1:
                    return page[inPage] & 0xFFL;
                default:
                    long v = 0;
                    for (int i = bytes - 1; i >= 0; i--) {
                        v = (v << 8) | (page[inPage + i] & 0xFF);
                    }
                    return v;
            }
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
            switch (bytes) {
                case 8 -> LONGS.set(page, inPage, value);
                case 4 -> INTS.set(page, inPage, (int) value);
                case 2 -> SHORTS.set(page, inPage, (short) value);
                case 1 -> page[inPage] = (byte) value;
                default -> {
                    for (int i = 0; i < bytes; i++) {
                        page[inPage + i] = (byte) (value >>> (8 * i));
                    }
                }
            }
            return;
        }
        for (int i = 0; i < bytes; i++) {
            write(offset + i, 1, value >>> (8 * i));
        }
    }

    /**
     * Whether both memories have the same size and hold the same bytes, an unwritten page being
     * equal to a page of zeros. It exists so that a restored snapshot can be checked against a
     * memory that reached the same state by replaying the accesses (DevicePropertiesTest).
     * Shared nodes and pages compare in O(1).
     */
    public boolean contentEquals(SparseMemory other) {
        return size == other.size && levels == other.levels && sameContent(root, other.root, 0);
    }

    private boolean sameContent(Object a, Object b, int level) {
        if (a == b) {
            return true;
        }
        if (level == levels) {
            return Arrays.equals(a == null ? ZERO_PAGE : ((Page) a).bytes, b == null ? ZERO_PAGE : ((Page) b).bytes);
        }
        Object[] as = a == null ? EMPTY_SLOTS : ((Node) a).slots;
        Object[] bs = b == null ? EMPTY_SLOTS : ((Node) b).slots;
        for (int i = 0; i < FANOUT; i++) {
            if (!sameContent(as[i], bs[i], level + 1)) {
                return false;
            }
        }
        return true;
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
        Node n = leaf(index);
        if (n == null) {
            return null;
        }
        Page p = (Page) n.slots[(int) index & (FANOUT - 1)];
        return p == null ? null : p.bytes;
    }

    /** The leaf node that holds page {@code index}, or null if none of its pages was written. */
    private Node leaf(long index) {
        Node n = root;
        for (int level = 0; level < levels - 1 && n != null; level++) {
            n = (Node) n.slots[slot(index, level)];
        }
        return n;
    }

    private byte[] writablePage(long index) {
        // Fast path: the page exists and belongs to this generation (so does its whole path).
        Node leaf = leaf(index);
        if (leaf != null && leaf.generation == generation) {
            Page p = (Page) leaf.slots[(int) index & (FANOUT - 1)];
            if (p != null && p.generation == generation) {
                return p.bytes;
            }
        }
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
