package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlayHintServiceTest {
    private static final String TRACE = """
            device type2
            r32 comp hdm.decoder0.ctrl
            w16 cfg dvsec.control {MEM_ENABLE=0, ..}
            w16 cfg dvsec.lock {CONFIG_LOCK=1}
            w16 cfg dvsec.control {MEM_ENABLE=1, ..}   # dropped
            r8 hdm 0x0
            r16 comp 0x1000 ! EINVAL
            w32 comp hdm.decoder0.ctrl 0x600
            expect dvsec.control.MEM_ENABLE == 1
            """;

    private static List<InlayHintInfo> hints(int first, int last) {
        return new InlayHintService().hints(Analysis.of(TRACE, ProfileSource.NONE, CancelToken.NONE), first, last, CancelToken.NONE);
    }

    @Test
    void readsShowTheValueAndItsNonZeroFieldsWritesWhatChangedOrWasDropped() {
        assertThat(hints(1, 10)).containsExactly(
                new InlayHintInfo(2, "r32 comp hdm.decoder0.ctrl".length(), " → 0x600 {COMMIT=1, COMMITTED=1}"),
                new InlayHintInfo(3, "w16 cfg dvsec.control {MEM_ENABLE=0, ..}".length(), " MEM_ENABLE 1→0"),
                new InlayHintInfo(4, "w16 cfg dvsec.lock {CONFIG_LOCK=1}".length(), " CONFIG_LOCK 0→1"),
                new InlayHintInfo(5, "w16 cfg dvsec.control {MEM_ENABLE=1, ..}".length(), " dropped: MEM_ENABLE (locked)"),
                new InlayHintInfo(6, "r8 hdm 0x0".length(), " → 0x0"));
    }

    @Test
    void onlyLinesInTheRangeAreAnswered() {
        assertThat(hints(3, 4)).extracting(InlayHintInfo::line).containsExactly(3, 4);
        assertThat(hints(7, 9)).isEmpty();
        assertThat(hints(50, 60)).isEmpty();
    }
}
