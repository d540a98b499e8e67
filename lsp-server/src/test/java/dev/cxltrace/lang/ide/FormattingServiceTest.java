package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.lang.ExamplesTest;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormattingServiceTest {

    private static String format(String text, ProfileSource profiles) {
        Analysis a = Analysis.of(text, profiles, CancelToken.NONE);
        String out = text;
        // Whole-line edits, applied from the last line up so earlier positions stay valid.
        List<TextEditInfo> edits = new FormattingService().format(a, CancelToken.NONE);
        for (int i = edits.size() - 1; i >= 0; i--) {
            out = TextEdits.apply(out, edits.get(i).range(), edits.get(i).newText());
        }
        return out;
    }

    private static String format(String text) {
        return format(text, ProfileSource.NONE);
    }

    @Test
    void canonicalSpellingSingleSpacesAndAlignedAccessColumns() {
        assertThat(format("""
                ## Lock   it
                DEVICE   type2 hdm_size=256M
                W16  CFG DVSEC.Lock {config_lock = 1}   # lock
                r16 cfg   dvsec.lock = {CONFIG_LOCK=1 ,..}
                  r32 comp 0x1000
                                
                expect DVSEC.LOCK.config_lock  ==  1
                r32 hdm 0 ! einval
                """)).isEqualTo("""
                ## Lock   it
                device type2 hdm_size=256M
                w16 cfg  dvsec.lock {CONFIG_LOCK=1} # lock
                r16 cfg  dvsec.lock                 = {CONFIG_LOCK=1, ..}
                r32 comp 0x1000
                                
                expect dvsec.lock.CONFIG_LOCK == 1
                r32 hdm 0 ! EINVAL
                """);
    }

    @Test
    void commentsFollowOneSpaceAfterTheStatementAndLinesThatDoNotParseStay() {
        assertThat(format("""
                r32 cfg dvsec.lock # a
                w16 cfg dvsec.control {MEM_ENABLE=0, ..}   # b
                  # only a comment
                r32   cfg
                """)).isEqualTo("""
                r32 cfg dvsec.lock # a
                w16 cfg dvsec.control {MEM_ENABLE=0, ..} # b
                  # only a comment
                r32   cfg
                """);
    }

    @Test
    void formattingChangesNoDiagnosticAndIsIdempotentOnEveryExample() throws IOException {
        for (Path file : ExamplesTest.examples()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ProfileSource profiles = ProfileFileSource.besideTrace(file, file.toString());
            String once = format(text, profiles);
            assertThat(codes(once, profiles)).as("diagnostics of %s formatted", file).isEqualTo(codes(text, profiles));
            assertThat(format(once, profiles)).as("%s formatted twice", file).isEqualTo(once);
        }
    }

    private static List<String> codes(String text, ProfileSource profiles) {
        Analysis a = Analysis.of(text, profiles, CancelToken.NONE);
        return new DiagnosticsService().diagnostics(a).stream().map(d -> d.line() + " " + d.code()).toList();
    }
}
