package dev.cxltrace;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way flow of DESIGN.md and STYLE.md §1, §4: {@code device} ← {@code lang} ←
 * ({@code lsp}, {@code dap}, {@code cli}). The device never sees trace text, the language core
 * never sees a protocol, picocli or the file system, and the two protocol faces do not know each
 * other. Rules about packages that do not exist yet pass while they are empty.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cxltrace");
    }

    private static final String DEVICE = "dev.cxltrace.device..";
    private static final String LANG = "dev.cxltrace.lang..";
    private static final String LSP = "dev.cxltrace.lsp..";
    private static final String DAP = "dev.cxltrace.dap..";
    private static final String OURS = "dev.cxltrace..";

    /** What only the faces may use: the protocols and the command line parser. */
    private static final DescribedPredicate<JavaClass> PROTOCOL_OR_CLI = resideInAnyPackage("org.eclipse.lsp4j..", "picocli..");

    /** The file system: java.nio.file and java.io's File classes. */
    private static final DescribedPredicate<JavaClass> FILE_SYSTEM = or(
            resideInAPackage("java.nio.file.."),
            resideInAPackage("java.io").and(simpleNameStartingWith("File")),
            resideInAPackage("java.io").and(simpleNameStartingWith("RandomAccessFile")))
            .as("the file system (java.nio.file.., java.io.File…)");

    static final ArchRule DEVICE_DEPENDS_ON_NOTHING_OF_OURS = classes().that().resideInAPackage(DEVICE)
            .should().onlyDependOnClassesThat(or(resideOutsideOfPackage(OURS), resideInAPackage(DEVICE)))
            .because("the device never sees trace text: lang hands it opaque Provenance values (STYLE.md §1)");

    static final ArchRule LANG_DEPENDS_ONLY_ON_DEVICE = classes().that().resideInAPackage(LANG)
            .should().onlyDependOnClassesThat(or(resideOutsideOfPackage(OURS), resideInAnyPackage(LANG, DEVICE)))
            .because("the language core knows the device and nothing of the faces (DESIGN.md, modules)");

    static final ArchRule LSP_DOES_NOT_USE_DAP = noClasses().that().resideInAPackage(LSP)
            .should().dependOnClassesThat().resideInAPackage(DAP)
            .allowEmptyShould(true)
            .because("the language server and the debug adapter are separate faces; only cli starts either");

    static final ArchRule DAP_DOES_NOT_USE_LSP = noClasses().that().resideInAPackage(DAP)
            .should().dependOnClassesThat().resideInAPackage(LSP)
            .allowEmptyShould(true)
            .because("the language server and the debug adapter are separate faces; only cli starts either");

    static final ArchRule LSP_DOES_NOT_USE_CLI = noClasses().that().resideInAPackage(LSP)
            .should().dependOnClassesThat().resideInAPackage("dev.cxltrace.cli..")
            .allowEmptyShould(true)
            .because("cli starts the server; the server does not reach back into the command line (no cli → lsp → cli cycle)");

    static final ArchRule CORE_KNOWS_NO_PROTOCOL = noClasses().that().resideInAnyPackage(LANG, DEVICE)
            .should().dependOnClassesThat(PROTOCOL_OR_CLI)
            .because("protocol types stay in the faces, which convert by hand (STYLE.md §1, §8)");

    static final ArchRule LANG_DOES_NO_IO = noClasses().that().resideInAPackage(LANG)
            .should().dependOnClassesThat(FILE_SYSTEM)
            .because("the core does no I/O: profile files come through ProfileSource (STYLE.md §1)");

    static final ArchRule GSON_ONLY_IN_PROFILES = noClasses().that().resideInAPackage(DEVICE)
            .and().resideOutsideOfPackage("dev.cxltrace.device.profile..")
            .should().dependOnClassesThat().resideInAPackage("com.google.gson..")
            .because("inside device, Gson appears only where profiles are read (STYLE.md §1)");

    @Test
    void deviceDependsOnNothingElseOfOurs() {
        DEVICE_DEPENDS_ON_NOTHING_OF_OURS.check(production);
    }

    @Test
    void langDependsOnlyOnDevice() {
        LANG_DEPENDS_ONLY_ON_DEVICE.check(production);
    }

    @Test
    void lspAndDapDoNotDependOnEachOther() {
        LSP_DOES_NOT_USE_DAP.check(production);
        DAP_DOES_NOT_USE_LSP.check(production);
    }

    @Test
    void lspDoesNotDependOnCli() {
        LSP_DOES_NOT_USE_CLI.check(production);
    }

    @Test
    void langAndDeviceTouchNeitherLsp4jNorPicocli() {
        CORE_KNOWS_NO_PROTOCOL.check(production);
    }

    @Test
    void langTouchesNoFileSystem() {
        LANG_DOES_NO_IO.check(production);
    }

    @Test
    void gsonStaysInDeviceProfile() {
        GSON_ONLY_IN_PROFILES.check(production);
    }
}
