package dev.cxltrace.device.vfio;

import dev.cxltrace.device.catalog.Behaviour;
import dev.cxltrace.device.catalog.Copies;
import dev.cxltrace.device.catalog.DvsecRegisters;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.FieldRef;
import dev.cxltrace.device.catalog.Gate;
import dev.cxltrace.device.catalog.HdmDecoderRegisters;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.RegisterValues;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.fsm.ComponentDwordRule;
import dev.cxltrace.device.fsm.ConfigChunking;
import dev.cxltrace.device.fsm.DecoderCommitFsm;
import dev.cxltrace.device.fsm.DecoderHardwareFsm;
import dev.cxltrace.device.fsm.DvsecBodyWidening;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.Drop;
import dev.cxltrace.device.semantics.DropReason;
import dev.cxltrace.device.semantics.GateState;
import dev.cxltrace.device.semantics.Provenance;
import dev.cxltrace.device.semantics.View;
import dev.cxltrace.device.semantics.WriteAlgebra;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.state.SparseMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The simulated CXL Type-2 device as vfio-pci with the CXL passthrough series presents it to a
 * VMM: config space with the DVSEC shim, the COMP_REGS and HDM regions, the BARs, and the VFIO
 * info ioctls (REGISTERS.md). Every guest mistake is an errno in the {@link AccessResult};
 * nothing a trace can do throws.
 *
 * <p>State: {@code registers} holds what the guest sees (the shadow on a CXL-bound device, the
 * hardware on a plain one); the host copy lives in the immutable {@link Layout} and no access
 * reaches it while {@code cxl=on}.
 */
public final class VfioDevice implements GateState, RegisterValues {
    private static final RegisterCatalog CATALOG = RegisterCatalog.get();
    private static final List<FieldRef> GATE_SOURCES = Gate.sources();
    /** By register id: whether the register holds a field that closes a gate. */
    private static final boolean[] HOLDS_GATE_SOURCE = new boolean[CATALOG.size()];

    private static final Gate[] GATES = Gate.values();

    static {
        for (FieldRef s : GATE_SOURCES) {
            HOLDS_GATE_SOURCE[s.register().id()] = true;
        }
        // The device caches gate states until a register holding a gate source changes; that is
        // sound only if every register a gate reads holds one. Read each gate with all registers
        // 0 and all 1 (so both sides of its && and || are evaluated) and check what it read.
        for (Gate g : GATES) {
            for (long fill : new long[] {0, -1L}) {
                g.closed(r -> {
                    if (!HOLDS_GATE_SOURCE[r.id()]) {
                        throw new IllegalStateException("gate " + g + " reads " + r.path()
                                + ", which holds none of Gate.sources(): add it there");
                    }
                    return fill;
                });
            }
        }
    }

    private final Layout layout;
    private final long[] registers;
    private final Provenance[] setters;
    private SparseMemory hdm;
    private SparseMemory bar;
    /** Gate states by ordinal, valid while {@code gatesKnown}; see {@link #closed}. */
    private final boolean[] gateClosed = new boolean[Gate.values().length];
    private boolean gatesKnown;

    private VfioDevice(Layout layout) {
        this.layout = layout;
        this.registers = layout.host.clone();
        this.setters = new Provenance[] {
                Provenance.parameter("config_lock"), Provenance.parameter("lock_on_commit"),
                Provenance.parameter("firmware_committed")};
        this.hdm = new SparseMemory(layout.bound ? layout.profile.hdmSize() : 0);
        this.bar = new SparseMemory(layout.profile.barSize());
    }

    VfioDevice(DeviceSnapshot s) {
        this.layout = s.layout;
        this.registers = s.registers.clone();
        this.setters = s.setters.clone();
        this.hdm = SparseMemory.restore(s.hdm);
        this.bar = SparseMemory.restore(s.bar);
    }

    /**
     * Binds a device with this profile, failing as the kernel's bind does, in its order
     * (REGISTERS.md §5.1): a plain device when cxl=off or MEM_CAPABLE=0; else EOPNOTSUPP for more
     * than one decoder, ENXIO when the block does not fit the BAR, EOPNOTSUPP for an uncommitted
     * or interleaved decoder, EBUSY when the HPA range is taken.
     */
    public static Creation create(DeviceProfile p) {
        if (p.cxlBound()) {
            if (p.decoders() != 1) {
                return new Creation(null, Errno.EOPNOTSUPP);
            }
            if (Long.compareUnsigned(p.compOffset() + DeviceProfile.COMPONENT_BLOCK_SIZE, p.barSize()) > 0
                    || Long.compareUnsigned(p.compOffset(), p.barSize()) >= 0) {
                return new Creation(null, Errno.ENXIO);
            }
            if (!p.firmwareCommitted() || p.iw() != 0) {
                return new Creation(null, Errno.EOPNOTSUPP);
            }
            if (p.hpaBusy()) {
                return new Creation(null, Errno.EBUSY);
            }
        }
        CATALOG.check(p);
        return new Creation(new VfioDevice(new Layout(p)), null);
    }

    public DeviceProfile profile() {
        return layout.profile;
    }

    /** Whether the CXL passthrough bound the device; otherwise it is plain vfio-pci (§5.8). */
    public boolean cxlBound() {
        return layout.bound;
    }

    // ---------------------------------------------------------------- registers and VFIO info

    /** The register as the guest sees it now (the shadow while CXL-bound). */
    @Override
    public long value(RegisterDef r) {
        return registers[r.id()];
    }

    /** The host's copy: as firmware committed it while CXL-bound; the register itself otherwise. */
    public long hostValue(RegisterDef r) {
        return layout.bound && r.copies() == Copies.HOST_AND_SHADOW ? layout.host[r.id()] : registers[r.id()];
    }

    /** The fields of a register as this device lays them out (the component BAR depends on the profile). */
    public List<FieldDef> fields(RegisterDef r) {
        return r.fields(layout.profile);
    }

    /** The attribute view this device executes for the register. */
    public View viewOf(RegisterDef r) {
        return layout.views[r.id()];
    }

    public WriteAlgebra algebra(RegisterDef r, View view) {
        return view == View.EXEC ? layout.exec[r.id()] : layout.spec[r.id()];
    }

    public DeviceInfo info() {
        return layout.info;
    }

    /** GET_REGION_INFO by index; empty (EINVAL) for VGA and indices past num_regions. */
    public Optional<RegionInfo> region(int index) {
        return index >= 0 && index < layout.regions.length ? Optional.ofNullable(layout.regions[index]) : Optional.empty();
    }

    /**
     * A region by its trace name ({@code cfg}, {@code comp}, {@code hdm}, {@code barN}); on a plain
     * device {@code comp} and {@code hdm} read as offset 0, size 0, flags 0 (model choice).
     */
    public RegionInfo region(Space space) {
        if (space == Space.COMP || space == Space.HDM) {
            if (!layout.bound) {
                return new RegionInfo(space.regionIndex(), space.canonicalName(), 0, 0, 0, List.of(), -1, -1);
            }
        }
        int index = space == Space.CFG || space == Space.COMP || space == Space.HDM ? space.regionIndex() : space.barIndex();
        return layout.regions[index];
    }

    // ---------------------------------------------------------------- gates

    /**
     * Whether a gate is closed now. Gates are read several times per gated write, so their states
     * are cached until a register that holds a gate source changes (Gate.closed reads only those:
     * checked when this class loads, see {@link #GATE_SOURCES}).
     */
    @Override
    public boolean closed(Gate gate) {
        if (!gatesKnown) {
            for (Gate g : GATES) {
                gateClosed[g.ordinal()] = g.closed(this);
            }
            gatesKnown = true;
        }
        return gateClosed[gate.ordinal()];
    }

    @Override
    public FieldDef cause(Gate gate) {
        return gate.cause(this);
    }

    @Override
    public Provenance setter(FieldDef field) {
        for (int i = 0; i < GATE_SOURCES.size(); i++) {
            if (GATE_SOURCES.get(i).field() == field) {
                return setters[i];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- snapshots

    /** An immutable copy of the whole state; HDM and BAR memory are shared copy-on-write. */
    public DeviceSnapshot snapshot() {
        return new DeviceSnapshot(layout, registers.clone(), setters.clone(), hdm.snapshot(), bar.snapshot());
    }

    /** Puts this device back into a snapshot's state; the snapshot must come from a device of the same profile. */
    public void restore(DeviceSnapshot s) {
        if (!s.layout.profile.equals(layout.profile)) {
            throw new IllegalArgumentException("snapshot of a device with profile " + s.layout.profile
                    + " cannot restore a device with profile " + layout.profile);
        }
        System.arraycopy(s.registers, 0, registers, 0, registers.length);
        System.arraycopy(s.setters, 0, setters, 0, setters.length);
        gatesKnown = false;
        hdm = SparseMemory.restore(s.hdm);
        bar = SparseMemory.restore(s.bar);
    }

    /**
     * Whether the other device is in exactly this state: same profile, registers, gate setters,
     * HDM memory and BAR scratch (unwritten memory equals zeros). It exists to check snapshot
     * equality: a restored snapshot against a device that replayed the same accesses.
     */
    public boolean sameStateAs(VfioDevice other) {
        return layout.profile.equals(other.layout.profile)
                && Arrays.equals(registers, other.registers)
                && Arrays.equals(setters, other.setters)
                && hdm.contentEquals(other.hdm)
                && bar.contentEquals(other.bar);
    }

    /** The HDM memory (sparse), for viewers such as a debugger's memory read. */
    public long readHdm(long offset, int bytes) {
        return hdm.read(offset, bytes);
    }

    /** Pages of HDM memory written so far. */
    public int hdmPagesInUse() {
        return hdm.pagesInUse();
    }

    // ---------------------------------------------------------------- accesses

    /** A read of {@code bytes} (1, 2, 4 or 8) at {@code offset} of a space. */
    public AccessResult read(Space space, long offset, int bytes) {
        return switch (space) {
            case CFG -> readConfig(offset, bytes);
            case COMP -> readComponent(offset, bytes);
            case HDM -> readHdmRegion(offset, bytes);
            default -> readBar(space.barIndex(), offset, bytes);
        };
    }

    /** A write of the low {@code bytes} of {@code value}; {@code who} is remembered as the setter of any gate it sets. */
    public AccessResult write(Space space, long offset, int bytes, long value, Provenance who) {
        return switch (space) {
            case CFG -> writeConfig(offset, bytes, value, who);
            case COMP -> writeComponent(offset, bytes, value, who);
            case HDM -> writeHdmRegion(offset, bytes, value);
            default -> writeBar(space.barIndex(), offset, bytes, value, who);
        };
    }

    private static boolean fits(long offset, int bytes, long size) {
        return Long.compareUnsigned(offset, size) < 0 && bytes <= size - offset;
    }

    // cfg: vfio's chunks, the DVSEC body through the shim (§1.2, §5.4)

    private AccessResult readConfig(long offset, int bytes) {
        if (!fits(offset, bytes, RegisterCatalog.CFG_SIZE)) {
            return AccessResult.failed(Errno.EFAULT);
        }
        long value = 0;
        long end = offset + bytes;
        for (long pos = offset; pos < end; ) {
            int size = ConfigChunking.chunkAt(pos, end);
            value |= configBytes(Space.CFG, pos, size) << (8 * (pos - offset));
            pos += size;
        }
        return AccessResult.read(value);
    }

    /** Bytes of a register space as the guest sees them; unassigned bytes read 0. */
    private long configBytes(Space space, long pos, int size) {
        RegisterDef r = CATALOG.containing(space, pos);
        if (r != null && pos + size <= r.end()) {
            return (registers[r.id()] >>> (8 * (pos - r.offset()))) & DvsecBodyWidening.byteMask(size);
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            r = CATALOG.containing(space, pos + i);
            if (r != null) {
                v |= ((registers[r.id()] >>> (8 * (pos + i - r.offset()))) & 0xFF) << (8 * i);
            }
        }
        return v;
    }

    private AccessResult writeConfig(long offset, int bytes, long value, Provenance who) {
        if (!fits(offset, bytes, RegisterCatalog.CFG_SIZE)) {
            return AccessResult.failed(Errno.EFAULT);
        }
        Outcomes out = new Outcomes();
        long end = offset + bytes;
        for (long pos = offset; pos < end; ) {
            int size = ConfigChunking.chunkAt(pos, end);
            long data = (value >>> (8 * (pos - offset))) & DvsecBodyWidening.byteMask(size);
            if (layout.bound && pos >= DvsecRegisters.BODY_START && pos < DvsecRegisters.BODY_END) {
                writeWidened(pos, size, data, who, out);
            } else {
                writeBytes(Space.CFG, pos, size, data, who, out);
            }
            pos += size;
        }
        return out.result();
    }

    /** §2.3: the chunk goes to the register holding its first byte; bytes past it are W-SPAN. */
    private void writeWidened(long pos, int size, long data, Provenance who, Outcomes out) {
        RegisterDef target = CATALOG.containing(Space.CFG, pos);
        long old = registers[target.id()];
        long w = DvsecBodyWidening.widen(target, old, pos, size, data);
        out.add(writeRegister(target, target.offset(), w, target.valueMask(), who));
        for (long o = target.end(); o < pos + size; ) {
            RegisterDef r = CATALOG.containing(Space.CFG, o);
            int shift = (int) (8 * (o - pos));
            int inside = (int) Math.min(pos + size, r.end()) - (int) o;
            int at = (int) (8 * (o - r.offset()));
            long be = DvsecBodyWidening.byteMask(inside) << at;
            long wr = ((data >>> shift) << at) & be;
            long rOld = registers[r.id()];
            long spanned = DvsecBodyWidening.spanned(r.execWhole().orElse(null), rOld, wr, be);
            List<Drop> drops = spanned == 0 ? List.of() : fieldDrops(r, spanned, DropReason.SPAN, View.EXEC);
            out.add(new WriteOutcome(r, r.offset(), rOld, rOld, wr, be, 0, spanned, 0, drops));
            o += inside;
        }
    }

    /**
     * The generic path of a byte range in a register space: each covered register written with the
     * access's byte enables; unassigned bytes report non-zero data.
     */
    private void writeBytes(Space space, long pos, int size, long data, Provenance who, Outcomes out) {
        long end = pos + size;
        for (long o = pos; o < end; ) {
            RegisterDef r = CATALOG.containing(space, o);
            if (r == null) {
                long gapEnd = o + 1;
                while (gapEnd < end && CATALOG.containing(space, gapEnd) == null) {
                    gapEnd++;
                }
                long part = (data >>> (8 * (o - pos))) & DvsecBodyWidening.byteMask((int) (gapEnd - o));
                if (part != 0) {
                    out.add(unassigned(space, o, (int) (gapEnd - o), part));
                }
                o = gapEnd;
                continue;
            }
            long stop = Math.min(end, r.end());
            int at = (int) (8 * (o - r.offset()));
            long be = DvsecBodyWidening.byteMask((int) (stop - o)) << at;
            long w = ((data >>> (8 * (o - pos))) << at) & be;
            out.add(writeRegister(r, r.offset(), w, be, who));
            o = stop;
        }
    }

    /** Non-zero bytes written where no register is: W-UNMODELLED, or W-RO inside the PCIe capability (§3.3). */
    private static WriteOutcome unassigned(Space space, long offset, int bytes, long data) {
        boolean inPcieCap = space == Space.CFG && offset >= 0x40 && offset < 0x7c;
        DropReason reason = inPcieCap ? DropReason.READ_ONLY : DropReason.UNMODELLED;
        Attribute attribute = inPcieCap ? Attribute.RO : Attribute.UNMODELLED;
        long be = DvsecBodyWidening.byteMask(bytes);
        Drop drop = new Drop(null, null, data, reason, attribute, Optional.empty(), null, null);
        return new WriteOutcome(null, offset, 0, 0, data, be, 0, data, 0, List.of(drop));
    }

    // comp: COMP_REGS, dword by dword (§5.5)

    private AccessResult readComponent(long offset, int bytes) {
        if (!layout.bound || !ComponentDwordRule.accepts(offset, bytes)) {
            return AccessResult.failed(Errno.EINVAL);
        }
        long value = 0;
        for (int i = 0; i < bytes / 4; i++) {
            RegisterDef r = CATALOG.containing(Space.COMP, offset + 4L * i);
            if (r != null) {
                value |= registers[r.id()] << (32 * i);
            }
        }
        return AccessResult.read(value);
    }

    private AccessResult writeComponent(long offset, int bytes, long value, Provenance who) {
        if (!layout.bound || !ComponentDwordRule.accepts(offset, bytes)) {
            return AccessResult.failed(Errno.EINVAL);
        }
        int dwords = bytes / 4;
        Outcomes out = new Outcomes();
        for (int i = 0; i < dwords; i++) {
            long o = offset + 4L * i;
            long data = (value >>> (32 * i)) & 0xFFFF_FFFFL;
            RegisterDef r = CATALOG.containing(Space.COMP, o);
            if (r != null) {
                out.add(writeRegister(r, o, data, 0xFFFF_FFFFL, who));
            } else if (data != 0) {
                out.add(unassigned(Space.COMP, o, 4, data));
            }
        }
        return out.result();
    }

    // hdm: plain memory (§5.6)

    private AccessResult readHdmRegion(long offset, int bytes) {
        if (!layout.bound || !fits(offset, bytes, layout.profile.hdmSize())) {
            return AccessResult.failed(Errno.EINVAL);
        }
        return AccessResult.read(hdm.read(offset, bytes));
    }

    private AccessResult writeHdmRegion(long offset, int bytes, long value) {
        if (!layout.bound || !fits(offset, bytes, layout.profile.hdmSize())) {
            return AccessResult.failed(Errno.EINVAL);
        }
        hdm.write(offset, bytes, value);
        return AccessResult.WRITTEN;
    }

    // barN: pread/pwrite on the BAR region (§5.7, §5.8)

    private Errno barCheck(int index, long offset, int bytes) {
        if (index != layout.profile.compBar() || !fits(offset, bytes, layout.profile.barSize())) {
            return Errno.EINVAL;
        }
        if (layout.bound && overlapsWindow(offset, bytes)) {
            return Errno.EINVAL;
        }
        return null;
    }

    private boolean overlapsWindow(long offset, int bytes) {
        long start = layout.profile.compOffset();
        return offset < start + DeviceProfile.COMPONENT_BLOCK_SIZE && offset + bytes > start;
    }

    private AccessResult readBar(int index, long offset, int bytes) {
        Errno e = barCheck(index, offset, bytes);
        if (e != null) {
            return AccessResult.failed(e);
        }
        if (layout.bound || !overlapsWindow(offset, bytes)) {
            return AccessResult.read(bar.read(offset, bytes));
        }
        long window = layout.profile.compOffset();
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            long o = offset + i;
            long b = o >= window && o < window + DeviceProfile.COMPONENT_BLOCK_SIZE
                    ? configBytes(Space.COMP, o - window, 1) : bar.read(o, 1);
            v |= b << (8 * i);
        }
        return AccessResult.read(v);
    }

    private AccessResult writeBar(int index, long offset, int bytes, long value, Provenance who) {
        Errno e = barCheck(index, offset, bytes);
        if (e != null) {
            return AccessResult.failed(e);
        }
        if (layout.bound || !overlapsWindow(offset, bytes)) {
            bar.write(offset, bytes, value);
            return AccessResult.WRITTEN;
        }
        // A plain device: the component block's hardware registers sit in the window (§5.8).
        long window = layout.profile.compOffset();
        long windowEnd = window + DeviceProfile.COMPONENT_BLOCK_SIZE;
        Outcomes out = new Outcomes();
        long lo = Math.max(offset, window);
        long hi = Math.min(offset + bytes, windowEnd);
        for (long o = offset; o < offset + bytes; o++) {
            if (o < lo || o >= hi) {
                bar.write(o, 1, value >>> (8 * (o - offset)));
            }
        }
        long data = (value >>> (8 * (lo - offset))) & DvsecBodyWidening.byteMask((int) (hi - lo));
        writeBytes(Space.COMP, lo - window, (int) (hi - lo), data, who, out);
        return out.result();
    }

    /**
     * The outcomes of one write, in order. A fresh one per write rather than a buffer kept in the
     * device: storing new objects into a long-lived one costs a GC barrier (a fence under G1) on
     * every store, which showed as the hottest instructions of the write path (docs/PERFORMANCE.md).
     */
    private static final class Outcomes {
        private WriteOutcome first;
        private WriteOutcome second;
        private List<WriteOutcome> more;

        void add(WriteOutcome o) {
            if (first == null) {
                first = o;
            } else if (second == null) {
                second = o;
            } else {
                if (more == null) {
                    more = new ArrayList<>(6);
                    more.add(first);
                    more.add(second);
                }
                more.add(o);
            }
        }

        /** The result: the outcomes in an immutable list of the exact size. */
        AccessResult result() {
            if (first == null) {
                return AccessResult.WRITTEN;
            }
            List<WriteOutcome> list = more != null ? List.copyOf(more) : second != null ? List.of(first, second) : List.of(first);
            return new AccessResult(null, 0, list);
        }
    }

    // ---------------------------------------------------------------- one register

    private WriteOutcome writeRegister(RegisterDef r, long offset, long w, long be, Provenance who) {
        if (r.behaviour() == Behaviour.DECODER_CONTROL) {
            return writeDecoderControl(r, offset, w, be, who);
        }
        int id = r.id();
        View view = layout.views[id];
        WriteAlgebra algebra = view == View.EXEC ? layout.exec[id] : layout.spec[id];
        long old = registers[id];
        long next = algebra.apply(old, w, be, this);
        long dropped = algebra.dropped(old, w, be, this);
        if (r.behaviour() == Behaviour.BAR_SIZING && (w & be) == be) {
            dropped = 0;   // the all-ones sizing write is how software learns the BAR size (§3.2)
        }
        List<Drop> drops = dropped == 0 ? List.of() : algebra.drops(old, w, be, this);
        long divergence = 0;
        if (view == View.EXEC && layout.divergent[id]) {
            long specNext = layout.spec[id].apply(old, w, be, this);
            divergence = (next ^ old) & ~(specNext ^ old);
        }
        registers[id] = next;
        if (next != old) {
            remember(r, old, next, who);
        }
        return new WriteOutcome(r, offset, old, next, w, be, next ^ old, dropped, divergence, drops);
    }

    /**
     * FSM-DEC on a CXL-bound device, FSM-H on a plain one; the other is the I-SPEC reference. A
     * {@code comp} write is always a whole dword; through a plain device's BAR the access may cover
     * only some bytes, and the bytes it does not cover keep their value (§5.7).
     */
    private WriteOutcome writeDecoderControl(RegisterDef r, long offset, long w, long be, Provenance who) {
        int id = r.id();
        long c = registers[id];
        long v = (c & ~be) | (w & be);
        long writable = layout.decoderWritable[id];
        long hardware = DecoderHardwareFsm.next(c, v, writable);
        long next = layout.bound ? DecoderCommitFsm.next(c, v) : hardware;
        long refused = DecoderCommitFsm.refused(c, v, next) & r.valueMask();
        List<Drop> drops = List.of();
        if (refused != 0) {
            drops = new ArrayList<>();
            if (!layout.bound && DecoderHardwareFsm.locked(c)) {
                drops.addAll(fieldDrops(r, refused, DropReason.LOCKED, View.SPEC));
            } else if (DecoderCommitFsm.committed(c)) {
                drops.addAll(fieldDrops(r, refused, DropReason.DECODER_COMMITTED, View.SPEC));
            } else {
                drops.addAll(fieldDropsByAttribute(r, refused));
            }
        }
        long divergence = layout.bound ? (next ^ c) & ~(hardware ^ c) : 0;
        registers[id] = next;
        if (next != c) {
            remember(r, c, next, who);
        }
        return new WriteOutcome(r, offset, c, next, w, be, next ^ c, refused, divergence, drops);
    }

    /** One drop per field of {@code mask}, all for one reason; the attribute is the field's in {@code view}. */
    private List<Drop> fieldDrops(RegisterDef r, long mask, DropReason reason, View view) {
        List<Drop> out = new ArrayList<>();
        long rest = mask;
        for (FieldDef f : r.fields(layout.profile)) {
            long m = mask & f.mask();
            if (m == 0) {
                continue;
            }
            rest &= ~m;
            Attribute a = view == View.EXEC ? r.execAttribute(f) : f.spec();
            Optional<Gate> gate = reason == DropReason.LOCKED ? Optional.of(Gate.DEC0_SPEC) : Optional.empty();
            FieldDef cause = gate.map(this::cause).orElse(null);
            out.add(new Drop(r, f, m, reason, a, gate, cause, cause == null ? null : setter(cause)));
        }
        if (rest != 0) {
            out.add(new Drop(r, null, rest, reason, Attribute.RO, Optional.empty(), null, null));
        }
        return out;
    }

    /** Refused decoder-control bits of an uncommitted decoder, reported by each field's own attribute. */
    private List<Drop> fieldDropsByAttribute(RegisterDef r, long mask) {
        List<Drop> out = new ArrayList<>();
        for (FieldDef f : r.fields(layout.profile)) {
            long m = mask & f.mask();
            if (m != 0) {
                out.add(new Drop(r, f, m, f.spec().reason(), f.spec(), f.spec().gate(), null, null));
            }
        }
        return out;
    }

    /** Remembers who changed a field that closes a gate, to name them in later drops. */
    private void remember(RegisterDef r, long old, long next, Provenance who) {
        if (!HOLDS_GATE_SOURCE[r.id()]) {
            return;
        }
        gatesKnown = false;
        for (int i = 0; i < GATE_SOURCES.size(); i++) {
            FieldRef s = GATE_SOURCES.get(i);
            if (s.register() == r && ((old ^ next) & s.field().mask()) != 0 && who != null) {
                setters[i] = who;
            }
        }
    }

    // ---------------------------------------------------------------- what a profile fixes

    /** Everything a profile fixes at creation; shared by the device and its snapshots. */
    static final class Layout {
        final DeviceProfile profile;
        final boolean bound;
        final long[] host;
        final View[] views;
        final WriteAlgebra[] exec;
        final WriteAlgebra[] spec;
        final boolean[] divergent;
        /** By register id, for decoder control: the bits FSM-H lets software write (RWL under DEC0_SPEC). */
        final long[] decoderWritable;
        final DeviceInfo info;
        final RegionInfo[] regions;

        // The algebra of a register whose fields do not depend on the profile (all but the BARs)
        // is the same for every device: compiled once, shared, so creating a device is cheap.
        private static final WriteAlgebra[] SHARED_EXEC = new WriteAlgebra[CATALOG.size()];
        private static final WriteAlgebra[] SHARED_SPEC = new WriteAlgebra[CATALOG.size()];

        static {
            for (RegisterDef r : CATALOG.registers()) {
                if (!r.profileDependentLayout()) {
                    SHARED_EXEC[r.id()] = WriteAlgebra.of(r, DeviceProfile.type2(), View.EXEC);
                    SHARED_SPEC[r.id()] = WriteAlgebra.of(r, DeviceProfile.type2(), View.SPEC);
                }
            }
        }

        Layout(DeviceProfile p) {
            profile = p;
            bound = p.cxlBound();
            int n = CATALOG.size();
            host = new long[n];
            views = new View[n];
            exec = new WriteAlgebra[n];
            spec = new WriteAlgebra[n];
            divergent = new boolean[n];
            decoderWritable = new long[n];
            for (RegisterDef r : CATALOG.registers()) {
                int id = r.id();
                host[id] = r.resetValue(p);
                exec[id] = SHARED_EXEC[id] != null ? SHARED_EXEC[id] : WriteAlgebra.of(r, p, View.EXEC);
                spec[id] = SHARED_SPEC[id] != null ? SHARED_SPEC[id] : WriteAlgebra.of(r, p, View.SPEC);
                divergent[id] = differs(r, p);
                if (r.behaviour() == Behaviour.DECODER_CONTROL) {
                    decoderWritable[id] = spec[id].maskOf(Attribute.rwl(Gate.DEC0_SPEC));
                }
                boolean hardware = r.space() == Space.COMP
                        || (r.offset() >= DvsecRegisters.BODY_START && r.offset() < DvsecRegisters.END);
                views[id] = !bound && hardware ? View.SPEC : View.EXEC;
            }
            info = VfioView.info(p);
            regions = VfioView.regions(p);
        }

        private static boolean differs(RegisterDef r, DeviceProfile p) {
            if (r.behaviour() == Behaviour.DECODER_CONTROL) {
                return true;
            }
            for (FieldDef f : r.fields(p)) {
                if (!r.execAttribute(f).equals(f.spec())) {
                    return true;
                }
            }
            return r.execWhole().isPresent();
        }
    }
}
