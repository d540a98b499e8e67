package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.syntax.Span;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnosticsServiceTest {

    private static List<Diagnostic> diagnostics(String trace) {
        return new DiagnosticsService().diagnostics(Analysis.of(trace, ProfileSource.NONE, CancelToken.NONE));
    }

    @Test
    void syntaxAndRunDiagnosticsInLineOrderWithTheirRelatedLines() {
        List<Diagnostic> d = diagnostics("""
                device type2
                w16 cfg dvsec.lock {CONFIG_LOCK=1}
                w16 cfg dvsec.control {MEM_ENABLE=0, ..}
                r16 cfg dvsec.lock = 0
                w33 cfg 0
                """);

        assertThat(d).extracting(x -> x.code().code(), Diagnostic::line)
                .containsExactly(tuple("W-LOCKED", 3), tuple("E-EXPECT", 4), tuple("E-SYNTAX", 5));
        assertThat(d.get(0).related()).singleElement().satisfies(r -> assertThat(r.span()).isEqualTo(new Span(2, 0, 0)));
    }

    @Test
    void aCleanTraceHasNone() {
        assertThat(diagnostics("""
                ## nothing wrong
                r32 comp hdm.decoder0.ctrl = {COMMITTED=1}
                """)).isEmpty();
    }

    @Test
    void windowsLineEndsCountLinesAsEditorsDo() {
        assertThat(diagnostics("r32 comp hdm.decoder0.ctrl\r\n\r\nr32 comp nosuch\r\n")).extracting(Diagnostic::line).containsExactly(3);
    }

    @Test
    void aCancelledAnalysisStops() {
        assertThatThrownBy(() -> Analysis.of("r32 comp hdm.decoder0.ctrl", ProfileSource.NONE, CancelToken::throwCancelled))
                .isInstanceOf(CancellationException.class);
    }
}
