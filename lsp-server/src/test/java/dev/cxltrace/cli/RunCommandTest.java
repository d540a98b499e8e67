package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.RegisterCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code cxltrace run} in-process: the transcript and the register dump. */
class RunCommandTest {

    @Test
    void theTranscriptShowsEachExecutedLineWithItsOutcomeAndDecodedFields() {
        String trace = CliRun.trace("transcript.cxltrace");
        CliRun r = CliRun.of("run", trace);
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).contains(String.join("\n",
                trace + ":2: device type2 lock_on_commit=true",
                "    device created from profile type2, CXL-bound",
                trace + ":3: r16 cfg dvsec.lock = {CONFIG_LOCK=0}",
                "    read 0x0000",
                "        CONFIG_LOCK=0",
                "    expectation holds",
                trace + ":4: w16 cfg dvsec.lock {CONFIG_LOCK=1}",
                "    wrote 0x0001",
                "    dvsec.lock 0x0000 -> 0x0001, changed 0x0001",
                "        CONFIG_LOCK=1",
                ""));
        assertThat(r.out()).contains(trace + ":5: w16 cfg dvsec.control 0x0000\n    wrote 0x0000\n"
                        + "    dvsec.control 0x0007 -> 0x0007, dropped 0x0007\n")
                .contains(Expected.all(Path.of(trace), 5, "W-LOCKED").stream()
                        .map(d -> "    warning: " + d.message() + " [W-LOCKED]\n").reduce("", String::concat))
                .contains("\n## Decoder\n")
                .contains(trace + ":9: r16 comp 0x1000 ! EINVAL\n    failed with EINVAL, as the line says\n")
                .contains("IG=0 (256 B), IW=0 (1 way), LOCK_ON_COMMIT=1, COMMIT=1, COMMITTED=1")
                .contains(trace + ":11: expect host.hdm.decoder0.base_lo == hdm.decoder0.base_lo\n    expectation holds (0x0)\n");
    }

    @Test
    void theRegisterDumpListsEveryRegisterWithShadowAndHost() {
        CliRun r = CliRun.of("run", CliRun.trace("transcript.cxltrace"));
        String dump = r.out().substring(r.out().indexOf("registers after line 11 (profile type2, CXL-bound)"));
        assertThat(dump.lines().skip(1).findFirst()).hasValueSatisfying(header ->
                assertThat(header).matches("register +space +offset +shadow +host"));
        // Every register once, and the locked DVSEC marked: the shadow's CONFIG_LOCK is 1, the host's 0.
        assertThat(dump.lines().count()).isEqualTo(RegisterCatalog.get().size() + 3L);
        assertThat(dump).containsPattern("\ndvsec\\.lock +cfg +0x114 +0x0001 +0x0000 +\\*\n")
                .endsWith("* the guest-visible shadow differs from the host's copy\n");
    }

    @Test
    void anErrorMakesRunExit1() {
        String trace = CliRun.trace("failing.cxltrace");
        CliRun r = CliRun.of("run", trace);
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).contains(trace + ":7: expect dvsec.lock == 0\n    expectation fails (0x1)\n    error: "
                + Expected.on(Path.of(trace), 7, "E-EXPECT").message() + " [E-EXPECT]\n");
    }

    @Test
    void aMissingFileOrAFolderExits2() {
        String missing = CliRun.traces().resolve("no-such.cxltrace").toString();
        CliRun r = CliRun.of("run", missing);
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).isEqualTo("cxltrace: cannot read " + missing + ": no such file\n");
        assertThat(CliRun.of("run", CliRun.traces().toString()).exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(CliRun.of("run").exit()).isEqualTo(ExitStatus.UNUSABLE);
    }
}
