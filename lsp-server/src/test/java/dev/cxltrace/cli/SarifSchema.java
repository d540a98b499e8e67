package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The SARIF 2.1.0 schema (JSON Schema draft-04) as the npm package {@code @microsoft/jest-sarif}
 * publishes it. The build fetches and unpacks it (lsp-server/pom.xml, profile sarif-schema); it is
 * not committed.
 */
final class SarifSchema {
    private static JsonSchema schema;

    private SarifSchema() {
    }

    static synchronized JsonSchema get() throws IOException {
        if (schema == null) {
            String location = System.getProperty("cxltrace.sarifSchema", "target/sarif-schema/package/lib/schemas/sarif-2.1.0-rtm.5.json");
            Path file = Path.of(location);
            assertThat(file).as("the SARIF 2.1.0 schema is not at " + file + "; the Maven build fetches it with npm pack "
                    + "(lsp-server/pom.xml, profile sarif-schema): run ./mvnw -pl lsp-server -am verify").exists();
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            }
        }
        return schema;
    }

    /** Validates a SARIF log and fails with every message of the validator. */
    static void assertValid(String sarif) throws IOException {
        JsonNode log = new ObjectMapper().readTree(sarif);
        Set<ValidationMessage> problems = get().validate(log);
        assertThat(problems).as("SARIF schema violations in:%n%s", sarif).isEmpty();
    }
}
