package dev.cxltrace.lang.syntax;

import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.vfio.Errno;
import java.util.List;

/** One statement of TRACE-LANGUAGE.md, as written: names are not resolved yet. */
public sealed interface Statement {

    Span span();

    /** {@code ## Title}: a section heading of {@code level} hashes. */
    record Heading(int level, String title, Span span) implements Statement {
    }

    /** {@code device [PROFILE] [NAME=VALUE ...] [! ERRNO]}. */
    record Device(String profile, Span profileSpan, List<Parameter> parameters, Errno errno, Span errnoSpan, Span span)
            implements Statement {
    }

    /** {@code NAME=VALUE} on a device line; the value is text until the profile checks it. */
    record Parameter(String name, Span nameSpan, String value, Span valueSpan) {
    }

    /** {@code OP SPACE LOCATION [VALUE] [= EXPECTED] [! ERRNO]}. */
    record Access(Op op, Span opSpan, Space space, Span spaceSpan, Location location, Value value, Value expected,
            Errno errno, Span errnoSpan, Span span) implements Statement {
    }

    /** {@code expect TARGET == VALUE} or {@code expect TARGET != VALUE}. */
    record Expect(String target, Span targetSpan, boolean equal, Span operatorSpan, Value value, Span span)
            implements Statement {
    }

    /** An access's op: read or write, and its width in bytes. */
    record Op(boolean write, int bytes) {
        public int bits() {
            return 8 * bytes;
        }

        public String spelling() {
            return (write ? "w" : "r") + bits();
        }
    }

    /**
     * Where an access goes: a register name with an optional {@code + N}, or an integer offset.
     * {@code name} is null for an integer; {@code number} is then the offset, else the addend.
     * {@code register} is the catalog's register of that name, looked up while parsing (names do
     * not depend on the device), or null when the name is unknown.
     */
    record Location(String name, Span nameSpan, long number, Span numberSpan, Span span, RegisterDef register) {
        public boolean named() {
            return name != null;
        }
    }

    /** A value in a statement: an integer, a field composition, an errno name or another target. */
    sealed interface Value {
        Span span();
    }

    record IntValue(long value, Span span) implements Value {
    }

    /** {@code {FIELD=INTEGER, ...}}, with {@code ..} to keep unnamed fields (a read-modify-write). */
    record Composition(List<FieldValue> fields, boolean rest, Span span) implements Value {
    }

    record FieldValue(String name, Span nameSpan, long value, Span valueSpan) {
    }

    /** An errno name as an expect value (for {@code create}). */
    record ErrnoValue(Errno errno, Span span) implements Value {
    }

    /** Another target as an expect value ({@code expect host.X == X}). */
    record TargetValue(String target, Span span) implements Value {
    }
}
