package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import org.junit.jupiter.api.Test;

class CodeLensServiceTest {
    private static final String TRACE = """
            ## Lock
            device type2
            w16 cfg dvsec.lock {CONFIG_LOCK=1}
            ## Read
            r16 cfg dvsec.lock = 1
            w16 cfg dvsec.lock 0
            """;

    private static Analysis analysis() {
        return Analysis.of(TRACE, ProfileSource.NONE, CancelToken.NONE);
    }

    @Test
    void eachSectionRunsToItsLastLine() {
        assertThat(new CodeLensService().lenses(analysis(), CancelToken.NONE)).containsExactly(
                new CodeLensInfo(1, "Run to here", "cxltrace.run", 3),
                new CodeLensInfo(4, "Run to here", "cxltrace.run", 6));
    }

    @Test
    void theTranscriptStopsAtTheLineAndShowsTheRegistersThere() {
        String first = new TranscriptService().transcript(analysis(), "lock.cxltrace", 3, CancelToken.NONE);
        assertThat(first).contains("lock.cxltrace:3: w16 cfg dvsec.lock {CONFIG_LOCK=1}")
                .doesNotContain("lock.cxltrace:5:")
                .contains("registers after line 3");
        String all = new TranscriptService().transcript(analysis(), "lock.cxltrace", 6, CancelToken.NONE);
        assertThat(all).contains("lock.cxltrace:5: r16 cfg dvsec.lock = 1").contains("expectation holds")
                .contains("[W-RWO]").contains("registers after line 6");
    }
}
