package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF report, in-process, against the published SARIF 2.1.0 schema. */
class SarifReportSchemaTest {

    @Test
    void aReportWithErrorsWarningsAndRelatedLocationsIsValidSarif() throws IOException {
        CliRun r = CliRun.of("check", "--format", "sarif", CliRun.trace("failing.cxltrace"), CliRun.trace("clean.cxltrace"),
                CliRun.trace("missing-profile.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).contains("\"relatedLocations\"");
        SarifSchema.assertValid(r.out());
    }

    @Test
    void aReportWithAnUnreadableFileIsValidSarif(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.cxltrace");
        Files.write(bad, new byte[] {(byte) 0xc3, (byte) 0x28});
        CliRun r = CliRun.of("check", "--format", "sarif", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.out()).contains("\"executionSuccessful\": false").contains("toolExecutionNotifications");
        SarifSchema.assertValid(r.out());
    }

    @Test
    void theValidatorRejectsAnInvalidLog() throws IOException {
        // Guards the guard: a schema that accepts everything would make the tests above pass.
        assertThat(SarifSchema.get().validate(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}"))).isNotEmpty();
    }
}
