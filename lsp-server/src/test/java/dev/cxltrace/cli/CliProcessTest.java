package dev.cxltrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.cxltrace.device.catalog.FieldDef;
import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged jar, run as CI runs it: {@code java -jar cxltrace.jar ...} in a separate process,
 * from the folder of the CLI's test traces, so paths print as given. Failsafe runs this after
 * {@code package} and passes the jar's path ({@code cxltrace.jar}).
 */
class CliProcessTest {
    private static Path jar;
    private static Path traces;

    /** What one process printed, and how it exited. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void findTheJar() {
        String property = System.getProperty("cxltrace.jar", "target/cxltrace.jar");
        jar = Path.of(property).toAbsolutePath();
        assertThat(jar).as("the packaged jar (system property cxltrace.jar); build it with ./mvnw -pl lsp-server -am package").exists();
        traces = CliRun.traces();
    }

    static Result cxltrace(Path workingDirectory, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cxltrace-out", ".txt");
        Path err = Files.createTempFile("cxltrace-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cxltrace %s finished", String.join(" ", args)).isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result cxltrace(String... args) throws IOException, InterruptedException {
        return cxltrace(traces, args);
    }

    // ------------------------------------------------------------------ text

    @Test
    void textIsOneCompilerLinePerDiagnosticThenTheSummary() throws Exception {
        Result r = cxltrace("check", "failing.cxltrace", "clean.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        List<String> expected = new ArrayList<>(Expected.textLines("failing.cxltrace", traces.resolve("failing.cxltrace")));
        expected.add("2 traces checked: 2 errors, 3 warnings, 0 notes; 1 failed");
        assertThat(r.lines()).containsExactlyElementsOf(expected);
        // The layout, spelled out once for a line the language core words (see Expected).
        assertThat(r.lines().get(0)).startsWith("failing.cxltrace:2:1: error: ").endsWith(" [E-ERRNO]");
        assertThat(r.lines().get(1)).startsWith("failing.cxltrace:6:23: warning: dvsec.control.CACHE_ENABLE ").endsWith(" [W-LOCKED]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void cleanTracesExit0() throws Exception {
        Result r = cxltrace("check", "clean.cxltrace", "profile-file.cxltrace");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("2 traces checked: 0 errors, 0 warnings, 0 notes; all passed\n");
    }

    @Test
    void werrorMakesWarningsFail() throws Exception {
        assertThat(cxltrace("check", "warning.cxltrace").exit()).isEqualTo(0);
        Result r = cxltrace("check", "--werror", "warning.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).last().isEqualTo("1 trace checked: 0 errors, 3 warnings, 0 notes; 1 failed (warnings fail: --werror)");
    }

    @Test
    void foldersAreSearchedRecursivelyAndFilesReportedInPathOrder() throws Exception {
        Result r = cxltrace("check", "clean.cxltrace", "tree", "failing.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly(
                "tree/a.cxltrace", "tree/b.cxltrace",
                "failing.cxltrace", "failing.cxltrace", "failing.cxltrace", "failing.cxltrace", "failing.cxltrace",
                "5 traces checked");
    }

    @Test
    void exitCode2ForAMissingPathOrAnUnreadableFileWinsOver1(@TempDir Path dir) throws Exception {
        Result missing = cxltrace("check", "failing.cxltrace", "nowhere.cxltrace");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("cxltrace: no such file or folder: nowhere.cxltrace\n");
        assertThat(missing.lines()).last().isEqualTo("1 trace checked: 2 errors, 3 warnings, 0 notes; 1 failed");

        Path bad = dir.resolve("latin1.cxltrace");
        Files.write(bad, "expect dvsec.lock == 0 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Result unreadable = cxltrace(dir, "check", "latin1.cxltrace");
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).isEqualTo("cxltrace: cannot read latin1.cxltrace: not UTF-8 text\n");
    }

    @Test
    void usageErrorsExit2() throws Exception {
        assertThat(cxltrace().exit()).isEqualTo(2);
        assertThat(cxltrace("check").exit()).isEqualTo(2);
        Result badFormat = cxltrace("check", "--format", "yaml", "clean.cxltrace");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'yaml' is not a format; use one of text, json, sarif, junit, github");
        assertThat(cxltrace("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void aMissingProfileFileIsAnErrorOnTheDeviceLine() throws Exception {
        Result r = cxltrace("check", "missing-profile.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).containsExactly(
                "missing-profile.cxltrace:2:8: error: profile boards/absent.json (relative to missing-profile.cxltrace) not found; "
                        + "give a built-in name (type2) or a path [E-PROFILE]",
                "1 trace checked: 1 error, 0 warnings, 0 notes; 1 failed");
    }

    @Test
    void aProfileFileIsFoundRelativeToTheTraceNotTheWorkingDirectory() throws Exception {
        Result r = cxltrace(traces.getParent(), "check", "cli/profile-file.cxltrace");
        assertThat(r.out()).isEqualTo("1 trace checked: 0 errors, 0 warnings, 0 notes; all passed\n");
        assertThat(r.exit()).isEqualTo(0);
    }

    // ------------------------------------------------------------------ json

    @Test
    void jsonFollowsTheDocumentedLayout() throws Exception {
        Result r = cxltrace("check", "--format", "json", "warning.cxltrace", "tree");
        assertThat(r.exit()).isEqualTo(1);
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(root.get("formatVersion").getAsInt()).isEqualTo(1);
        assertThat(root.get("werror").getAsBoolean()).isFalse();
        JsonArray reported = root.getAsJsonArray("traces");
        List<String> paths = new ArrayList<>();
        reported.forEach(t -> paths.add(t.getAsJsonObject().get("path").getAsString()));
        assertThat(paths).containsExactly("warning.cxltrace", "tree/a.cxltrace", "tree/b.cxltrace", "tree/sub/a.cxltrace");

        JsonObject warning = reported.get(0).getAsJsonObject();
        assertThat(warning.get("passed").getAsBoolean()).isTrue();
        assertThat(warning.get("lines").getAsInt()).isEqualTo(4);
        assertThat(warning.get("warnings").getAsInt()).isEqualTo(3);
        JsonObject first = warning.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        Diagnostic locked = Expected.diagnostics(traces.resolve("warning.cxltrace")).get(0);
        JsonObject expectedFirst = JsonParser.parseString("""
                {"line": 3, "column": 23, "endColumn": 29, "severity": "warning", "code": "W-LOCKED",
                 "related": [{"line": 2, "column": 1, "endColumn": 1, "message": "set here"}]}""").getAsJsonObject();
        expectedFirst.addProperty("message", locked.message());
        assertThat(first).isEqualTo(expectedFirst);
        assertThat(warning.getAsJsonArray("sections")).isEqualTo(JsonParser.parseString("""
                [{"line": 1, "level": 2, "title": "A locked write is dropped"}]"""));
        assertThat(warning.getAsJsonArray("expectations")).isEqualTo(JsonParser.parseString("""
                [{"line": 4, "text": "expect dvsec.control.MEM_ENABLE == 1", "passed": true}]"""));

        assertThat(reported.get(2).getAsJsonObject().get("passed").getAsBoolean()).isFalse();
        assertThat(root.getAsJsonArray("unreadable")).isEmpty();
        assertThat(root.getAsJsonObject("summary")).isEqualTo(JsonParser.parseString("""
                {"traces": 4, "failed": 2, "unreadable": 0, "errors": 2, "warnings": 3, "notes": 0, "exitStatus": 1}"""));
    }

    @Test
    void jsonWithWerrorAndAnUnreadableFile() throws Exception {
        Result r = cxltrace("check", "--format", "json", "--werror", "warning.cxltrace", "absent.cxltrace");
        assertThat(r.exit()).isEqualTo(2);
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(root.get("werror").getAsBoolean()).isTrue();
        assertThat(root.getAsJsonArray("traces").get(0).getAsJsonObject().get("passed").getAsBoolean()).isFalse();
        assertThat(r.err()).isEqualTo("cxltrace: no such file or folder: absent.cxltrace\n");
    }

    // ------------------------------------------------------------------ sarif

    @Test
    void sarifIsValidAndHasOneRulePerCodeUsedWithItsHelp() throws Exception {
        Result r = cxltrace("check", "--format", "sarif", "failing.cxltrace", "missing-profile.cxltrace", "clean.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        SarifSchema.assertValid(r.out());
        JsonObject run = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("name").getAsString()).isEqualTo("cxltrace");
        assertThat(driver.get("version").getAsString()).isNotBlank();
        List<String> ruleIds = new ArrayList<>();
        for (JsonElement rule : driver.getAsJsonArray("rules")) {
            String id = rule.getAsJsonObject().get("id").getAsString();
            ruleIds.add(id);
            assertThat(rule.getAsJsonObject().getAsJsonObject("help").get("text").getAsString())
                    .isEqualTo(DiagnosticCode.byCode(id).help());
        }
        // The codes used, in the order DiagnosticCode declares them.
        assertThat(ruleIds).containsExactlyElementsOf(Stream.of("E-ERRNO", "E-EXPECT", "E-PROFILE", "W-LOCKED")
                .map(DiagnosticCode::byCode).sorted().map(DiagnosticCode::code).toList());

        JsonArray results = run.getAsJsonArray("results");
        assertThat(results).hasSize(6);
        JsonObject locked = results.get(1).getAsJsonObject();
        assertThat(locked.get("ruleId").getAsString()).isEqualTo("W-LOCKED");
        assertThat(locked.get("level").getAsString()).isEqualTo("warning");
        assertThat(locked.getAsJsonArray("locations").get(0)).isEqualTo(JsonParser.parseString("""
                {"physicalLocation": {"artifactLocation": {"uri": "failing.cxltrace"},
                                      "region": {"startLine": 6, "startColumn": 23, "endColumn": 29}}}"""));
        assertThat(locked.getAsJsonArray("relatedLocations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(5);
        JsonObject profile = results.get(5).getAsJsonObject();
        assertThat(profile.get("level").getAsString()).isEqualTo("error");
        assertThat(profile.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation").get("uri").getAsString()).isEqualTo("missing-profile.cxltrace");
    }

    @Test
    void sarifOfCleanTracesIsValidWithNoRules() throws Exception {
        Result r = cxltrace("check", "--format", "sarif", "tree/sub/a.cxltrace");
        assertThat(r.exit()).isEqualTo(0);
        SarifSchema.assertValid(r.out());
        assertThat(r.out()).contains("\"rules\": []").contains("\"results\": []");
    }

    // ------------------------------------------------------------------ junit

    @Test
    void junitHasASuitePerFileAndACasePerSectionAndExpectation() throws Exception {
        Result r = cxltrace("check", "--format", "junit", "failing.cxltrace", "clean.cxltrace", "tree/b.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(3);

        // failing.cxltrace: preamble, two sections, two expectations; the preamble, "Locks" and line 7 fail.
        Element failing = (Element) suites.item(0);
        assertThat(failing.getAttribute("name")).isEqualTo("failing.cxltrace");
        assertThat(cases(failing)).containsExactly("preamble", "Locks", "line 7: expect dvsec.lock == 0", "Passing section",
                "line 10: expect info.flags.cxl == 1");
        assertThat(failing.getAttribute("tests")).isEqualTo("5");
        assertThat(failing.getAttribute("failures")).isEqualTo("3");
        assertThat(failing.getElementsByTagName("failure").getLength()).isEqualTo(3);
        Element preambleFailure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(preambleFailure.getAttribute("type")).isEqualTo("E-ERRNO");
        assertThat(preambleFailure.getTextContent()).startsWith("failing.cxltrace:2:1: error: comp takes r32/r64");

        // clean.cxltrace: a comment before the first heading makes a preamble; nothing fails.
        Element clean = (Element) suites.item(1);
        assertThat(cases(clean)).containsExactly("preamble", "Device info", "line 5: expect info.flags.cxl == 1",
                "line 6: expect info.cxl.flags.host_firmware_committed == 1", "DVSEC lock",
                "line 9: r16 cfg dvsec.lock = {CONFIG_LOCK=0}");
        assertThat(clean.getAttribute("failures")).isEqualTo("0");

        // tree/b.cxltrace: no heading, so the whole file is the preamble, and one expectation.
        Element b = (Element) suites.item(2);
        assertThat(cases(b)).containsExactly("preamble", "line 1: expect info.flags.cxl == 0");
        assertThat(b.getAttribute("failures")).isEqualTo("2");

        assertThat(root.getAttribute("tests")).isEqualTo("13");
        assertThat(root.getAttribute("failures")).isEqualTo("5");
    }

    @Test
    void junitWithWerrorFailsTheSectionThatHasWarnings() throws Exception {
        Result r = cxltrace("check", "--format", "junit", "--werror", "warning.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(cases(suite)).containsExactly("A locked write is dropped", "line 4: expect dvsec.control.MEM_ENABLE == 1");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) suite.getElementsByTagName("failure").item(0)).getAttribute("type")).isEqualTo("W-LOCKED");
    }

    private static List<String> cases(Element suite) {
        List<String> names = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }

    // ------------------------------------------------------------------ github

    @Test
    void githubPrintsOneWorkflowCommandPerDiagnostic() throws Exception {
        Result r = cxltrace("check", "--format", "github", "failing.cxltrace", "missing-profile.cxltrace");
        assertThat(r.exit()).isEqualTo(1);
        List<String> expected = new ArrayList<>();
        for (String name : List.of("failing.cxltrace", "missing-profile.cxltrace")) {
            for (Diagnostic d : Expected.diagnostics(traces.resolve(name), name)) {
                String level = switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFORMATION -> "notice";
                };
                expected.add("::" + level + " file=" + name + ",line=" + d.line() + ",col=" + (d.span().start() + 1)
                        + ",endColumn=" + d.span().end() + ",title=" + d.code().code() + "::" + d.message());
            }
        }
        expected.add("2 traces checked: 3 errors, 3 warnings, 0 notes; 2 failed");
        assertThat(r.lines()).containsExactlyElementsOf(expected);
        assertThat(r.lines()).contains("::error file=missing-profile.cxltrace,line=2,col=8,endColumn=25,title=E-PROFILE::profile "
                + "boards/absent.json (relative to missing-profile.cxltrace) not found; give a built-in name (type2) or a path");
        assertThat(r.lines().get(1)).startsWith("::warning file=failing.cxltrace,line=6,col=23,endColumn=28,title=W-LOCKED::");
    }

    // ------------------------------------------------------------------ run and doc

    @Test
    void runPrintsATranscriptAndTheRegisters() throws Exception {
        Result r = cxltrace("run", "transcript.cxltrace");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("\n## Lock the DVSEC\ntranscript.cxltrace:2: device type2 lock_on_commit=true\n"
                        + "    device created from profile type2, CXL-bound\n")
                .contains("transcript.cxltrace:10: w32 comp hdm.decoder0.base_lo 0x1000_0000\n"
                        + "    wrote 0x1000_0000\n"
                        + "    hdm.decoder0.base_lo 0x0000_0000 -> 0x0000_0000, dropped 0x1000_0000\n"
                        + "        MEMORY_BASE_LOW=0\n"
                        + "    warning: " + Expected.on(traces.resolve("transcript.cxltrace"), 10, "W-LOCKED").message()
                        + " [W-LOCKED]\n")
                .contains("\nregisters after line 11 (profile type2, CXL-bound)\n")
                .containsPattern("\nhdm\\.decoder0\\.ctrl +comp +0x1030 +0x0000_0700 +0x0000_0700\n");
    }

    @Test
    void docPrintsARegisterEntry() throws Exception {
        RegisterDef ctrl = RegisterCatalog.get().byPath("hdm.decoder0.ctrl").orElseThrow();
        Result r = cxltrace("doc", "hdm.decoder0.ctrl");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).startsWith("### hdm.decoder0.ctrl\n\n`comp` 0x1030, 32 bits, " + ctrl.section() + "\n\n"
                + ctrl.description() + "\n");
        for (FieldDef f : ctrl.fields()) {
            assertThat(r.out()).contains("| " + f.bits() + " | `" + f.name() + "` |");
        }
    }

    @Test
    void docPrintsAFieldEntry() throws Exception {
        RegisterDef lock = RegisterCatalog.get().byPath("dvsec.lock").orElseThrow();
        FieldDef configLock = lock.field("CONFIG_LOCK").orElseThrow();
        Result r = cxltrace("doc", "dvsec.lock.CONFIG_LOCK");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo("### dvsec.lock.CONFIG_LOCK\n\n"
                + "Bit 0 of `dvsec.lock` (`cfg` 0x114, 16 bits, " + lock.section() + ")\n\n"
                + configLock.description() + "\n\n"
                + "- Spec: **RWO**: " + configLock.spec().meaning() + "\n"
                + "- Exec: **RWO**: " + lock.execAttribute(configLock).meaning() + "\n"
                + "- Firmware value (profile type2): `0`\n");
        Result unknown = cxltrace("doc", "dvsec.lock.NOPE");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cxltrace: no register or field named dvsec.lock.NOPE");
    }

    @Test
    void docWithoutANameIsTheCommittedReference() throws Exception {
        Result r = cxltrace("doc");
        assertThat(r.exit()).isEqualTo(0);
        Path committed = RegistersDocTest.root().resolve("docs/REGISTERS.md");
        assertThat(r.out()).as("docs/REGISTERS.md is out of date; regenerate it with: " + RegistersDocTest.REGENERATE)
                .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    }

    @Test
    void versionComesFromTheJar() throws Exception {
        Result r = cxltrace("--version");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).matches("cxltrace \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    // ------------------------------------------------------------------ ./cxltrace

    @Test
    void theLauncherScriptRunsTheJarAndPassesTheExitCodeThrough() throws Exception {
        // Twice: the first short run after a build may write the class-data archive, the second reads it;
        // both must print exactly what the jar prints.
        Result direct = cxltrace("check", "failing.cxltrace");
        for (int run = 1; run <= 2; run++) {
            Result viaScript = launcher("check", "failing.cxltrace");
            assertThat(viaScript.exit()).as("run %d: %s", run, viaScript.err()).isEqualTo(1);
            assertThat(viaScript.out()).as("run %d", run).isEqualTo(direct.out());
            assertThat(viaScript.err()).as("run %d", run).isEmpty();
        }
    }

    @Test
    void theLauncherScriptPassesStandardInputThrough() throws Exception {
        // The language server and debug adapter will speak over stdio; the script must exec the JVM.
        Path script = RegistersDocTest.root().resolve("cxltrace");
        Process p = new ProcessBuilder("bash", script.toString(), "check", "/dev/stdin").directory(traces.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write("expect info.flags.cxl == 0\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).startsWith("/dev/stdin:1:1: error: ").contains("[E-EXPECT]");
    }

    private static Result launcher(String... args) throws IOException, InterruptedException {
        Path script = RegistersDocTest.root().resolve("cxltrace");
        assertThat(script).exists();
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cxltrace-out", ".txt");
        Path err = Files.createTempFile("cxltrace-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(traces.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
