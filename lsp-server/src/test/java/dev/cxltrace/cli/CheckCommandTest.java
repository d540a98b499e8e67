package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cxltrace check} in-process: exit codes, usage errors, and the text report. */
class CheckCommandTest {

    @Test
    void aCleanTracePassesAndPrintsOnlyTheSummary() {
        CliRun r = CliRun.of("check", CliRun.trace("clean.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).isEqualTo("1 trace checked: 0 errors, 0 warnings, 0 notes; all passed\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anErrorFailsTheTraceWithExit1() {
        String failing = CliRun.trace("failing.cxltrace");
        CliRun r = CliRun.of("check", failing);
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        List<String> expected = new ArrayList<>(Expected.textLines(failing, Path.of(failing)));
        expected.add("1 trace checked: 2 errors, 3 warnings, 0 notes; 1 failed");
        assertThat(r.out().lines()).containsExactlyElementsOf(expected);
        assertThat(r.out()).contains(failing + ":7:1: error: ").contains(" [E-EXPECT]\n");
    }

    @Test
    void warningsPassUnlessWerrorMakesThemFail() {
        String warning = CliRun.trace("warning.cxltrace");
        assertThat(CliRun.of("check", warning).exit()).isEqualTo(ExitStatus.PASS);
        CliRun r = CliRun.of("check", "--werror", warning);
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).endsWith("1 trace checked: 0 errors, 3 warnings, 0 notes; 1 failed (warnings fail: --werror)\n");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).contains("give a command: check, run, doc or lsp");
    }

    @Test
    void checkWithoutPathIsAUsageError() {
        CliRun r = CliRun.of("check");
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).contains("PATH");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(CliRun.of("check", "--no-such-option", CliRun.trace("clean.cxltrace")).exit()).isEqualTo(ExitStatus.UNUSABLE);
    }

    @Test
    void anUnknownFormatIsAUsageErrorThatListsTheFormats() {
        CliRun r = CliRun.of("check", "--format", "xml", CliRun.trace("clean.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).contains("'xml' is not a format; use one of text, json, sarif, junit, github");
    }

    @Test
    void formatNamesAreCaseInsensitive() {
        CliRun r = CliRun.of("check", "--format", "JSON", CliRun.trace("clean.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(r.out()).startsWith("{");
    }

    @Test
    void aMissingFileExits2AndIsNamedOnStandardError() {
        String missing = CliRun.traces().resolve("no-such.cxltrace").toString();
        CliRun r = CliRun.of("check", CliRun.trace("clean.cxltrace"), missing);
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).isEqualTo("cxltrace: no such file or folder: " + missing + "\n");
        assertThat(r.out()).isEqualTo("1 trace checked: 0 errors, 0 warnings, 0 notes; all passed\n");
    }

    @Test
    void exit2WinsOverAFailedTrace() {
        CliRun r = CliRun.of("check", CliRun.trace("failing.cxltrace"), CliRun.traces().resolve("no-such.cxltrace").toString());
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.out()).contains("[E-EXPECT]");
    }

    @Test
    void aFileThatIsNotUtf8IsUnreadable(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.cxltrace");
        Files.write(bad, new byte[] {'r', '8', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        CliRun r = CliRun.of("check", bad.toString(), CliRun.trace("failing.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).isEqualTo("cxltrace: cannot read " + bad + ": not UTF-8 text\n");
        assertThat(r.out()).endsWith("1 trace checked: 2 errors, 3 warnings, 0 notes; 1 failed; 1 file could not be read\n");
    }

    @Test
    void aFolderWithoutTracesIsAnError(@TempDir Path dir) {
        CliRun r = CliRun.of("check", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitStatus.UNUSABLE);
        assertThat(r.err()).contains("no *.cxltrace file under " + dir);
    }

    @Test
    void foldersAreSearchedRecursivelyAndReportedInPathOrder() {
        Path tree = CliRun.traces().resolve("tree");
        CliRun r = CliRun.of("check", tree.toString());
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        List<String> expected = new ArrayList<>();
        for (String name : List.of("a.cxltrace", "b.cxltrace", "sub/a.cxltrace")) {
            expected.addAll(Expected.textLines(tree.resolve(name).toString(), tree.resolve(name)));
        }
        expected.add("3 traces checked: 2 errors, 0 warnings, 0 notes; 2 failed");
        assertThat(r.out().lines()).containsExactlyElementsOf(expected);
        assertThat(expected.get(0)).startsWith(tree.resolve("a.cxltrace") + ":1:8: error: ").endsWith("[E-NAME]");
        assertThat(expected.get(1)).startsWith(tree.resolve("b.cxltrace") + ":1:1: error: ").endsWith("[E-EXPECT]");
    }

    @Test
    void aFileNamedTwiceIsCheckedOnce() {
        Path tree = CliRun.traces().resolve("tree");
        CliRun r = CliRun.of("check", tree.resolve("b.cxltrace").toString(), tree.toString());
        assertThat(r.out().lines()).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly(
                tree.resolve("b.cxltrace").toString(), tree.resolve("a.cxltrace").toString(), "3 traces checked");
    }

    @Test
    void aMissingProfileFileIsAnErrorOnTheDeviceLine() {
        String trace = CliRun.trace("missing-profile.cxltrace");
        CliRun r = CliRun.of("check", trace);
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out().lines()).first().isEqualTo(trace + ":2:8: error: profile boards/absent.json (relative to " + trace
                + ") not found; give a built-in name (type2) or a path [E-PROFILE]");
    }

    @Test
    void anUnparsableProfileFileIsAnErrorOnTheDeviceLine() {
        CliRun r = CliRun.of("check", CliRun.trace("broken-profile.cxltrace"));
        assertThat(r.exit()).isEqualTo(ExitStatus.FAILED);
        assertThat(r.out()).contains(":1:8: error: profile boards/broken.json is not valid JSON").contains("[E-PROFILE]");
    }

    @Test
    void aProfileFileIsReadRelativeToTheTrace() {
        CliRun r = CliRun.of("check", CliRun.trace("profile-file.cxltrace"));
        assertThat(r.out()).isEqualTo("1 trace checked: 0 errors, 0 warnings, 0 notes; all passed\n");
        assertThat(r.exit()).isEqualTo(ExitStatus.PASS);
    }

    @Test
    void versionAndHelpExit0() {
        CliRun version = CliRun.of("--version");
        assertThat(version.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(version.out()).startsWith("cxltrace ");
        CliRun help = CliRun.of("check", "--help");
        assertThat(help.exit()).isEqualTo(ExitStatus.PASS);
        assertThat(help.out()).contains("--format=FORMAT").contains("text, json, sarif, junit, github").contains("--werror")
                .contains("Exit status:");
    }
}
