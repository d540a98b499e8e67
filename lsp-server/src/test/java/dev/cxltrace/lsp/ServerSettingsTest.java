package dev.cxltrace.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void readsInitializationOptions() {
        ServerSettings s = ServerSettings.DEFAULT.with(JsonParser.parseString("{\"checkpointInterval\": 50, \"defaultProfile\": \"type2\"}"));
        assertThat(s).isEqualTo(new ServerSettings(50, "type2"));
        assertThat(s.analysisOptions().checkpointInterval()).isEqualTo(50);
    }

    @Test
    void absentOrMalformedSettingsKeepTheirValue() {
        ServerSettings s = new ServerSettings(7, "type2");
        assertThat(s.with(null)).isEqualTo(s);
        assertThat(s.with(JsonParser.parseString("{\"checkpointInterval\": \"often\", \"defaultProfile\": \"nope\"}"))).isEqualTo(s);
        assertThat(s.with(JsonParser.parseString("{\"checkpointInterval\": 0}")).checkpointInterval()).isEqualTo(1);
    }

    @Test
    void configurationChangesAreUnderCxltrace() {
        ServerSettings s = ServerSettings.DEFAULT.withConfiguration(JsonParser.parseString("{\"cxltrace\": {\"checkpointInterval\": 3}}"));
        assertThat(s.checkpointInterval()).isEqualTo(3);
        assertThat(ServerSettings.DEFAULT.withConfiguration(JsonParser.parseString("{\"other\": {}}"))).isEqualTo(ServerSettings.DEFAULT);
    }

    @Test
    void theDiagnosticsDocsGiveEachCodeItsAnchor() {
        assertThat(ServerSettings.DEFAULT.diagnosticsHref(dev.cxltrace.lang.diag.DiagnosticCode.W_LOCKED)).isNull();
        ServerSettings s = ServerSettings.DEFAULT.with(JsonParser.parseString(
                "{\"diagnosticsDocs\": \"file:///opt/cxltrace/docs/DIAGNOSTICS.md\"}"));
        assertThat(s.diagnosticsHref(dev.cxltrace.lang.diag.DiagnosticCode.W_LOCKED))
                .isEqualTo("file:///opt/cxltrace/docs/DIAGNOSTICS.md#w-locked");
        assertThat(s.with(JsonParser.parseString("{\"diagnosticsDocs\": \"docs/DIAGNOSTICS.md\"}"))).isEqualTo(s);
    }
}
