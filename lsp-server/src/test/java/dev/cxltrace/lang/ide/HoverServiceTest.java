package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.profile.Parameter;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.syntax.Span;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HoverServiceTest {

    private static Optional<HoverInfo> hover(String marked) {
        Cursor c = Cursor.of(marked);
        Analysis a = Analysis.of(c.text(), ProfileSource.NONE, CancelToken.NONE);
        return new HoverService().hover(a, c.line(), c.column(), CancelToken.NONE);
    }

    @Test
    void registerNameShowsItsDocAndTheValueAfterTheLineBesideTheHostCopy() {
        Optional<HoverInfo> h = hover("""
                device type2
                w32 comp hdm.decoder0.ctrl 0x400
                r32 comp hdm.dec|oder0.ctrl
                """);

        assertThat(h).isPresent();
        assertThat(h.get().span()).isEqualTo(new Span(3, 9, 26));
        assertThat(h.get().markdown())
                .startsWith("### hdm.decoder0.ctrl")
                .contains("**Value after line 3**: shadow `0x0000_0000`, host copy `0x0000_0600`")
                .contains("| `COMMITTED` | 0 | 1 |")
                .contains("| `COMMIT` | 0 | 1 |");
    }

    @Test
    void theValueIsThatOfTheLineHovered() {
        String trace = """
                device type2
                r32 comp hdm.decoder0.ctrl
                w32 comp hdm.decoder0.ctrl 0x400
                """;
        Analysis a = Analysis.of(trace, ProfileSource.NONE, CancelToken.NONE);
        HoverService service = new HoverService();

        assertThat(service.hover(a, 2, 12, CancelToken.NONE).orElseThrow().markdown())
                .contains("**Value after line 2**: shadow `0x0000_0600`, host copy `0x0000_0600`");
        assertThat(service.hover(a, 3, 12, CancelToken.NONE).orElseThrow().markdown())
                .contains("**Value after line 3**: shadow `0x0000_0000`, host copy `0x0000_0600`");
    }

    @Test
    void expectTargetShowsTheRegisterOrFieldWithItsValue() {
        assertThat(hover("""
                expect hdm.decoder0.ctrl.COMM|ITTED == 1
                """).orElseThrow().markdown())
                .startsWith("### hdm.decoder0.ctrl.COMMITTED")
                .contains("**Value after line 1**: shadow `1`, host copy `1`");
        assertThat(hover("""
                expect host.dvsec.co|ntrol == 0
                """).orElseThrow().markdown()).startsWith("### dvsec.control");
    }

    @Test
    void fieldNameInsideBracesShowsTheFieldDoc() {
        HoverInfo h = hover("""
                w16 cfg dvsec.lock {CONFIG_L|OCK=1}
                """).orElseThrow();

        assertThat(h.span()).isEqualTo(new Span(1, 20, 31));
        assertThat(h.markdown()).startsWith("### dvsec.lock.CONFIG_LOCK").contains("Spec: **");
        assertThat(hover("""
                r32 comp hdm.decoder0.ctrl = {COMMIT|TED=1}
                """).orElseThrow().markdown()).startsWith("### hdm.decoder0.ctrl.COMMITTED");
        assertThat(hover("""
                expect hdm.decoder0.ctrl == {COMMIT|TED=1}
                """).orElseThrow().markdown()).startsWith("### hdm.decoder0.ctrl.COMMITTED");
    }

    @Test
    void opSpaceAndErrnoTokensAreExplainedInOneLine() {
        HoverInfo op = hover("w|32 comp hdm.decoder0.ctrl 0").orElseThrow();
        assertThat(op.span()).isEqualTo(new Span(1, 0, 3));
        assertThat(op.markdown()).startsWith("**w32**: writes 32 bits (4 bytes)").doesNotContain("\n");

        assertThat(hover("r16 c|fg dvsec.lock").orElseThrow().markdown()).startsWith("**cfg**: PCI configuration space");
        assertThat(hover("r32 hdm 0x2000_0000 ! EF|AULT").orElseThrow().markdown()).startsWith("**EFAULT** (14): bad address");
    }

    @Test
    void nothingToSayIsEmpty() {
        assertThat(hover("# a comm|ent")).isEmpty();
        assertThat(hover("w32 comp hdm.decoder0.ctrl 0x4|00")).isEmpty();
        assertThat(hover("r32 comp nosuch.reg|ister")).isEmpty();
        assertThat(hover("r32 comp hdm.decoder0.ctrl\n|")).isEmpty();
    }

    @Test
    void anIntegerOffsetShowsTheRegisterThatHoldsItWithItsValue() {
        RegisterDef ctrl = RegisterCatalog.get().byPath("hdm.decoder0.ctrl").orElseThrow();
        HoverInfo h = hover("""
                device type2
                w32 comp hdm.decoder0.ctrl 0x400
                r32 comp 0x10|30
                """).orElseThrow();

        assertThat(h.span()).isEqualTo(new Span(3, 9, 15));
        assertThat(h.markdown())
                .startsWith("Offset `0x1030` is `hdm.decoder0.ctrl`")
                .contains("### hdm.decoder0.ctrl")
                .contains(ctrl.section().toString())
                .contains("**Value after line 3**: shadow `0x0000_0000`, host copy `0x0000_0600`")
                .contains("| `COMMITTED` | 0 | 1 |");
        // An offset inside a register names the byte.
        assertThat(hover("r16 comp 0x10|32").orElseThrow().markdown()).startsWith("Offset `0x1032` is byte 2 of `hdm.decoder0.ctrl`");
        // An offset no register holds: nothing.
        assertThat(hover("r32 hdm 0x10|30")).isEmpty();
    }

    @Test
    void aDeviceParameterShowsItsMeaningAcceptedValuesAndTheValueInEffect() {
        HoverInfo h = hover("""
                device type2 lock_on|_commit=true
                """).orElseThrow();

        assertThat(h.span()).isEqualTo(new Span(1, 13, 27));
        assertThat(h.markdown())
                .startsWith("### lock_on_commit")
                .contains(Parameter.LOCK_ON_COMMIT.meaning())
                .contains("Accepted values: " + Parameter.LOCK_ON_COMMIT.accepted())
                .contains("Written here: `true`")
                .contains("Value in effect (profile type2): `true`");
        assertThat(hover("device type2 no_such|_param=1")).isEmpty();
    }

    @Test
    void fieldsWhoseExecIsNotTheirSpecAreNamedWithTheSpecificationSection() {
        RegisterDef control = RegisterCatalog.get().byPath("dvsec.control").orElseThrow();
        FieldDef io = control.field("IO_ENABLE").orElseThrow();
        String expected = "IO_ENABLE executes " + control.execAttribute(io).label() + ", the specification says "
                + io.spec().label();
        assertThat(control.execAttribute(io).label()).isNotEqualTo(io.spec().label());

        String register = hover("r16 cfg dvsec.con|trol").orElseThrow().markdown();
        assertThat(register).contains("Passthrough (Exec) vs specification (Spec): ").contains(expected)
                .contains(control.section().toString());
        for (FieldDef f : control.fields()) {
            boolean differs = !control.execAttribute(f).label().equals(f.spec().label());
            boolean named = register.contains(": " + f.name() + " executes ") || register.contains("; " + f.name() + " executes ");
            assertThat(named).as(f.name()).isEqualTo(differs);
        }

        String field = hover("w16 cfg dvsec.control {IO_EN|ABLE=1}").orElseThrow().markdown();
        assertThat(field).contains("Passthrough (Exec) vs specification (Spec): " + expected)
                .contains(control.section().toString());

        // Where Exec and Spec agree on every field, no such line.
        RegisterDef agreeing = RegisterCatalog.get().registers().stream()
                .filter(r -> !r.fields().isEmpty() && r.section() != null)
                .filter(r -> r.fields().stream().allMatch(f -> r.execAttribute(f).label().equals(f.spec().label())))
                .findFirst().orElseThrow();
        String marked = "r" + agreeing.width() + " " + agreeing.space().canonicalName() + " " + agreeing.path().charAt(0) + "|"
                + agreeing.path().substring(1);
        assertThat(hover(marked).orElseThrow().markdown()).startsWith("### " + agreeing.path())
                .doesNotContain("Passthrough (Exec)").contains(agreeing.section().toString());
    }
}
