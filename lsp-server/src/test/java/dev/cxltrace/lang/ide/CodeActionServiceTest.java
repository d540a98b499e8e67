package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code actions on the line of a {@code |} cursor, applied to the text. */
class CodeActionServiceTest {

    private static List<CodeActionInfo> actions(String marked) {
        Cursor c = Cursor.of(marked);
        Analysis a = Analysis.of(c.text(), ProfileSource.NONE, CancelToken.NONE);
        return new CodeActionService().actions(a, c.line(), c.line(), CancelToken.NONE);
    }

    /** The text after the one action titled starting with {@code title}. */
    private static String applied(String marked, String title) {
        String text = Cursor.of(marked).text();
        CodeActionInfo action = actions(marked).stream().filter(x -> x.title().startsWith(title)).findFirst().orElseThrow();
        for (TextEditInfo e : action.edits()) {
            text = TextEdits.apply(text, e.range(), e.newText());
        }
        return text;
    }

    private static List<String> codes(String text) {
        return new DiagnosticsService().diagnostics(Analysis.of(text, ProfileSource.NONE, CancelToken.NONE)).stream()
                .map(d -> d.code().code()).toList();
    }

    @Test
    void aFailedExpectationTakesTheValueTheModelRead() {
        String marked = "device type2\nr32 comp hdm.decoder0.c|trl = 0x601 # was wrong\n";
        assertThat(actions(marked)).filteredOn(a -> a.title().startsWith("Expect")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(CodeActionInfo.Kind.QUICK_FIX);
            assertThat(a.diagnostic().code()).isEqualTo(DiagnosticCode.E_EXPECT);
        });
        String fixed = applied(marked, "Expect");
        assertThat(fixed).isEqualTo("device type2\nr32 comp hdm.decoder0.ctrl = 0x600 # was wrong\n");
        assertThat(codes(fixed)).isEmpty();
    }

    @Test
    void anAccessThatFailsUnannouncedGetsItsErrnoAndAMisalignedCompOffsetItsDword() {
        String marked = "r32 comp 0x10|02 # unaligned\n";
        assertThat(codes(Cursor.of(marked).text())).containsExactly("E-ERRNO");
        assertThat(applied(marked, "Add ! EINVAL")).isEqualTo("r32 comp 0x1002 ! EINVAL # unaligned\n");
        assertThat(codes(applied(marked, "Add ! EINVAL"))).isEmpty();
        String aligned = applied(marked, "Align to the dword");
        assertThat(aligned).isEqualTo("r32 comp 0x1000 # unaligned\n");
        assertThat(codes(aligned)).isEmpty();
        // A line that means to fail keeps its offset.
        assertThat(actions("r32 comp 0x10|02 ! EINVAL\n")).isEmpty();
    }

    @Test
    void anIntegerLocationWhereARegisterStartsCanBeItsName() {
        int lock = RegisterCatalog.get().byPath("dvsec.lock").orElseThrow().offset();
        String marked = "r16 cfg 0x" + Integer.toHexString(lock) + "|\n";
        CodeActionInfo use = actions(marked).stream().filter(a -> a.title().startsWith("Use the register name")).findFirst().orElseThrow();
        assertThat(use.kind()).isEqualTo(CodeActionInfo.Kind.REWRITE);
        assertThat(use.diagnostic()).isNull();
        assertThat(applied(marked, "Use the register name")).isEqualTo("r16 cfg dvsec.lock\n");
        // One byte further is inside the register, not its start.
        assertThat(actions("r8 cfg 0x" + Integer.toHexString(lock + 1) + "|\n")).noneMatch(a -> a.title().startsWith("Use"));
    }

    @Test
    void aCleanLineHasNothingToFix() {
        assertThat(actions("r32 comp hdm.decoder0.c|trl\n")).isEmpty();
    }
}
