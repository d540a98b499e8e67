package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

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
}
