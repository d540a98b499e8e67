package dev.cxltrace.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.diag.DiagnosticCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/DIAGNOSTICS.md documents every code in one line with its severity and its help text, the
 * same text SARIF rules and hovers show; a new code without a line there fails here.
 */
class DiagnosticsDocTest {

    @Test
    void everyCodeIsDocumentedWithItsSeverityAndHelp() throws IOException {
        Path doc = ExamplesTest.repositoryRoot().resolve("docs/DIAGNOSTICS.md");
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        for (DiagnosticCode code : DiagnosticCode.values()) {
            List<String> rows = lines.stream().filter(l -> l.contains("`" + code.code() + "`")).collect(Collectors.toList());
            assertThat(rows).as("lines naming %s in %s", code.code(), doc).isNotEmpty();
            assertThat(rows).as("the line of %s: its severity and help text", code.code()).anySatisfy(row -> assertThat(row)
                    .startsWith("| `" + code.code() + "` |")
                    .contains("| " + code.severity().label() + " |")
                    .contains("| " + code.help() + " |"));
        }
    }
}
