package dev.cxltrace.device.catalog;

import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One register of the device, declared once: where it lives, its fields, how the passthrough
 * executes writes to it, and its documentation. Built with {@link #reg}.
 *
 * <p>{@code execWhole} is set where the series applies one rule to the whole register (REGISTERS.md
 * §3.5, §4.3); otherwise each field's own {@code exec} attribute applies. Bits that no field lists
 * are RO 0 in both views, unless {@code execWhole} covers them.
 */
public final class RegisterDef {
    private final String path;
    private final Space space;
    private final int offset;
    private final int width;
    private final Section section;
    private final String description;
    private final Attribute execWhole;
    private final Behaviour behaviour;
    private final Copies copies;
    private final List<FieldDef> fields;
    private final Function<DeviceProfile, List<FieldDef>> layout;
    private int id = -1;

    private RegisterDef(Builder b) {
        this.path = b.path;
        this.space = b.space;
        this.offset = b.offset;
        this.width = b.width;
        this.section = b.section;
        this.description = b.description;
        this.execWhole = b.execWhole;
        this.behaviour = b.behaviour;
        this.copies = b.copies;
        this.fields = List.copyOf(b.fields);
        this.layout = b.layout;
    }

    public static Builder reg(String path, Space space, int offset, int width) {
        return new Builder(path, space, offset, width);
    }

    public String path() {
        return path;
    }

    public Space space() {
        return space;
    }

    /** Offset in its space (for {@code comp}, from the start of the component block). */
    public int offset() {
        return offset;
    }

    /** Width in bits. */
    public int width() {
        return width;
    }

    public int bytes() {
        return width / 8;
    }

    /** The first offset past this register. */
    public int end() {
        return offset + bytes();
    }

    public long valueMask() {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    public Section section() {
        return section;
    }

    public String description() {
        return description;
    }

    public Optional<Attribute> execWhole() {
        return Optional.ofNullable(execWhole);
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public Copies copies() {
        return copies;
    }

    /** Dense index of this register in {@link RegisterCatalog#registers()}. */
    public int id() {
        return id;
    }

    void assignId(int id) {
        this.id = id;
    }

    /** The fields in the default layout ({@link DeviceProfile#type2()} for the profile-dependent BARs). */
    public List<FieldDef> fields() {
        return layout == null ? fields : layout.apply(DeviceProfile.type2());
    }

    /** The fields as a device with this profile lays them out. */
    public List<FieldDef> fields(DeviceProfile profile) {
        return layout == null ? fields : layout.apply(profile);
    }

    /** Whether the field layout depends on the profile (the component BAR's size bits, §3.2). */
    public boolean profileDependentLayout() {
        return layout != null;
    }

    public Optional<FieldDef> field(String name, DeviceProfile profile) {
        for (FieldDef f : fields(profile)) {
            if (f.answersTo(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Optional<FieldDef> field(String name) {
        return field(name, DeviceProfile.type2());
    }

    /** The attribute the passthrough executes for a field of this register. */
    public Attribute execAttribute(FieldDef field) {
        return execWhole != null ? execWhole : field.exec();
    }

    /** The firmware value of the register for a profile: its fields' values, in place. */
    public long resetValue(DeviceProfile profile) {
        long v = 0;
        for (FieldDef f : fields(profile)) {
            v |= f.place(f.resetValue(profile));
        }
        return v;
    }

    @Override
    public String toString() {
        return path;
    }

    /** Declares a register; see {@code DvsecRegisters} for the shape. */
    public static final class Builder {
        private final String path;
        private final Space space;
        private final int offset;
        private final int width;
        private Section section;
        private String description = "";
        private Attribute execWhole;
        private Behaviour behaviour = Behaviour.ATTRIBUTES;
        private Copies copies = Copies.SINGLE;
        private final List<FieldDef> fields = new ArrayList<>();
        private Function<DeviceProfile, List<FieldDef>> layout;

        private Builder(String path, Space space, int offset, int width) {
            this.path = path;
            this.space = space;
            this.offset = offset;
            this.width = width;
        }

        public Builder spec(Section section) {
            this.section = section;
            return this;
        }

        public Builder describe(String description) {
            this.description = description;
            return this;
        }

        /** The passthrough applies one attribute to every bit of the register. */
        public Builder exec(Attribute attribute) {
            this.execWhole = attribute;
            return this;
        }

        public Builder behaviour(Behaviour behaviour) {
            this.behaviour = behaviour;
            return this;
        }

        public Builder copies(Copies copies) {
            this.copies = copies;
            return this;
        }

        /** A field whose Exec attribute equals its Spec attribute (see {@link #execAs}). */
        public Builder field(String name, int hi, int lo, Attribute spec, long value, String description) {
            return field(name, hi, lo, spec, p -> value, description);
        }

        public Builder field(String name, int hi, int lo, Attribute spec, ToLongFunction<DeviceProfile> value,
                String description) {
            fields.add(new FieldDef(name, hi, lo, spec, spec, value, description, List.of(), List.of()));
            return this;
        }

        /** The last field executes differently from its specification. */
        public Builder execAs(Attribute exec) {
            FieldDef f = last();
            fields.set(fields.size() - 1, new FieldDef(f.name(), f.hi(), f.lo(), f.spec(), exec, f.reset(),
                    f.description(), f.enums(), f.aliases()));
            return this;
        }

        /** Named values of the last field: pairs of value and meaning. */
        public Builder enums(Object... valueMeaningPairs) {
            FieldDef f = last();
            List<EnumValue> values = new ArrayList<>(f.enums());
            for (int i = 0; i < valueMeaningPairs.length; i += 2) {
                values.add(new EnumValue(((Number) valueMeaningPairs[i]).longValue(), (String) valueMeaningPairs[i + 1]));
            }
            fields.set(fields.size() - 1, new FieldDef(f.name(), f.hi(), f.lo(), f.spec(), f.exec(), f.reset(),
                    f.description(), List.copyOf(values), f.aliases()));
            return this;
        }

        /** Another name of the last field, as other sources spell it. */
        public Builder alias(String alias) {
            FieldDef f = last();
            List<String> aliases = new ArrayList<>(f.aliases());
            aliases.add(alias);
            fields.set(fields.size() - 1, new FieldDef(f.name(), f.hi(), f.lo(), f.spec(), f.exec(), f.reset(),
                    f.description(), f.enums(), List.copyOf(aliases)));
            return this;
        }

        /** Fields whose bit ranges depend on the profile (only the BARs, §3.2). */
        public Builder layout(Function<DeviceProfile, List<FieldDef>> layout) {
            this.layout = layout;
            return this;
        }

        public RegisterDef build() {
            return new RegisterDef(this);
        }

        private FieldDef last() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("register " + path + ": no field declared yet");
            }
            return fields.get(fields.size() - 1);
        }
    }
}
