package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.DeviceProfile;
import dev.cxltrace.device.semantics.Attribute;
import dev.cxltrace.device.semantics.WriteOutcome;
import dev.cxltrace.device.vfio.AccessResult;
import dev.cxltrace.device.vfio.VfioDevice;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.Executor;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.resolve.CoveredField;
import dev.cxltrace.lang.resolve.ResolvedAccess;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Statement;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code cxltrace run} (and of the language server's {@code cxltrace.run} command): what each executed line did, as the executor recorded it in
 * its {@link LineOutcome}, with values decoded into the catalog's fields; then the registers at
 * the end. It only presents outcomes; it decides nothing about them.
 */
public final class Transcript {
    private static final String INDENT = "    ";
    private static final int WIDTH = 100;

    private final String path;
    private final PrintWriter out;

    public Transcript(String path, PrintWriter out) {
        this.path = path;
        this.out = out;
    }

    /** One line of the trace; comments and blank lines print nothing. */
    public void line(ParsedLine parsed, LineOutcome outcome, Executor executor, boolean hadDevice) {
        Statement s = parsed.statement();
        if (s == null && outcome.diagnostics().isEmpty()) {
            return;
        }
        if (s instanceof Statement.Heading) {
            out.print("\n" + parsed.text().strip() + "\n");
            return;
        }
        print(path + ":" + parsed.number() + ": " + parsed.text().strip());
        if (!hadDevice && executor.creationErrno() != null) {
            print(INDENT + "creating the device failed with " + executor.creationErrno().name());
        } else if (!hadDevice && executor.device() != null) {
            print(INDENT + (s instanceof Statement.Device ? "" : "no device line: ") + created(executor));
        }
        if (s instanceof Statement.Access a && outcome.result() != null) {
            access(a, outcome.access(), outcome.result(), executor);
        }
        if (outcome.expectation() != null) {
            LineOutcome.Expectation e = outcome.expectation();
            String value = s instanceof Statement.Expect && e.description() == null ? " (" + Format.hex(e.actual()) + ")" : "";
            print(INDENT + "expectation " + (e.passed() ? "holds" : "fails") + value);
        }
        for (Diagnostic d : outcome.diagnostics()) {
            print(INDENT + d.severity().label() + ": " + d.message() + " [" + d.code().code() + "]");
        }
    }

    private static String created(Executor executor) {
        VfioDevice device = executor.device();
        return "device created from profile " + device.profile().name() + ", "
                + (device.cxlBound() ? "CXL-bound" : "plain vfio-pci");
    }

    private void access(Statement.Access a, ResolvedAccess r, AccessResult result, Executor executor) {
        if (!result.ok()) {
            print(INDENT + "failed with " + result.errno().name() + (result.errno() == a.errno() ? ", as the line says" : ""));
            return;
        }
        DeviceProfile profile = executor.profile();
        if (!r.write()) {
            print(INDENT + "read " + hex(result.value(), r.bytes() * 8));
            List<String> fields = new ArrayList<>();
            boolean qualified = r.coverage().registers().size() > 1;
            for (CoveredField f : r.coverage().fields(profile)) {
                long v = f.extract(result.value());
                if (shown(f.field(), v)) {
                    fields.add(field(qualified ? f.qualifiedName() : f.field().name(), f.field(), v));
                }
            }
            wrap(fields);
            return;
        }
        print(INDENT + "wrote " + hex(r.value(), r.bytes() * 8));
        for (WriteOutcome o : result.outcomes()) {
            if (o.register() == null) {
                continue;
            }
            int bits = o.register().width();
            StringBuilder b = new StringBuilder(INDENT).append(o.register().path()).append(' ')
                    .append(hex(o.before(), bits)).append(" -> ").append(hex(o.after(), bits));
            if (o.changedMask() != 0) {
                b.append(", changed ").append(hex(o.changedMask(), bits));
            }
            if (o.droppedMask() != 0) {
                b.append(", dropped ").append(hex(o.droppedMask(), bits));
            }
            print(b.toString());
            List<String> fields = new ArrayList<>();
            for (FieldDef f : executor.device().fields(o.register())) {
                long v = f.extract(o.after());
                if (shown(f, v)) {
                    fields.add(field(f.name(), f, v));
                }
            }
            wrap(fields);
        }
    }

    /** Reserved fields are shown only when they hold something. */
    private static boolean shown(FieldDef f, long value) {
        return value != 0 || (f.spec() != Attribute.RSVD_P && f.spec() != Attribute.RSVD_Z);
    }

    private static String field(String name, FieldDef f, long value) {
        String meaning = f.meaningOf(value);
        return name + "=" + Format.field(value) + (meaning == null ? "" : " (" + meaning + ")");
    }

    /** Decoded fields, as many to a line as fit, under the line they decode. */
    private void wrap(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (b.length() > 0 && b.length() + 2 + f.length() > WIDTH) {
                print(b.toString());
                b.setLength(0);
            }
            b.append(b.length() == 0 ? INDENT + INDENT : ", ").append(f);
        }
        if (b.length() > 0) {
            print(b.toString());
        }
    }

    /** Every register at the end of the trace: the guest-visible value beside the host's copy. */
    public void registers(Executor executor, int lines) {
        VfioDevice device = executor.device();
        out.print('\n');
        if (device == null) {
            print(executor.creationErrno() != null
                    ? "no registers: creating the device failed with " + executor.creationErrno().name()
                    : "no registers: no statement ran");
            return;
        }
        print("registers after line " + lines + " (profile " + device.profile().name() + ", "
                + (device.cxlBound() ? "CXL-bound" : "plain vfio-pci: the host copy is the register") + ")");
        List<RegisterDef> registers = RegisterCatalog.get().registers();
        int width = "register".length();
        for (RegisterDef r : registers) {
            width = Math.max(width, r.path().length());
        }
        int valueWidth = "0x0000_0000".length();
        String format = "%-" + width + "s  %-5s  %-6s  %-" + valueWidth + "s  %-" + valueWidth + "s%s";
        print(String.format(Locale.ROOT, format, "register", "space", "offset", "shadow", "host", "").stripTrailing());
        for (RegisterDef r : registers) {
            long shadow = device.value(r);
            long host = device.hostValue(r);
            print(String.format(Locale.ROOT, format, r.path(), r.space().canonicalName(), "0x" + String.format(Locale.ROOT, "%03x", r.offset()),
                    hex(shadow, r.width()), hex(host, r.width()), shadow != host ? "  *" : "").stripTrailing());
        }
        print("* the guest-visible shadow differs from the host's copy");
    }

    /** {@code 0x} hex with every digit of the width, grouped by four: {@code 0x0000_0600}. */
    public static String hex(long value, int bits) {
        String digits = Long.toHexString(value);
        int want = Math.max(1, bits / 4);
        if (digits.length() < want) {
            digits = "0".repeat(want - digits.length()) + digits;
        }
        StringBuilder b = new StringBuilder("0x");
        int lead = digits.length() % 4 == 0 ? 4 : digits.length() % 4;
        b.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 4) {
            b.append('_').append(digits, i, i + 4);
        }
        return b.toString();
    }

    private void print(String line) {
        out.print(line);
        out.print('\n');
    }
}
