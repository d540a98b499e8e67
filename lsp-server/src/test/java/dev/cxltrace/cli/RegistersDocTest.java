package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/REGISTERS.md is generated from the catalog by {@code cxltrace doc}; it must be current. */
class RegistersDocTest {
    static final String REGENERATE = "./cxltrace doc > docs/REGISTERS.md";

    @Test
    void docsRegistersMdIsTheOutputOfDoc() throws IOException {
        Path file = root().resolve("docs/REGISTERS.md");
        assertThat(file).as("docs/REGISTERS.md is missing; generate it with: " + REGENERATE).exists();
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        String generated = CliRun.of("doc").out();
        assertThat(committed)
                .as("docs/REGISTERS.md is out of date with the register catalog; regenerate it with: " + REGENERATE)
                .isEqualTo(generated);
    }

    /** The repository root: Maven passes it; an IDE runs tests from the module folder. */
    static Path root() {
        String root = System.getProperty("cxltrace.root");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
