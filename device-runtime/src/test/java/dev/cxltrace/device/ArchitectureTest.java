package dev.cxltrace.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The device runtime is the bottom layer (STYLE.md §1): it needs the JDK and nothing else,
 * except Gson for reading profile files in {@code device.profile}. It never knows about the
 * language server's protocol (LSP4J) or the command line (picocli), which sit above it.
 *
 * <p>The rules are checked from {@code @ArchTest} methods, not declared as {@code @ArchTest}
 * fields: Surefire 3.5.3, which the build uses, silently skips fields (TNG/ArchUnit#1442, fixed
 * in Surefire 3.5.4), so a field rule would never run under {@code ./mvnw verify}.
 */
@AnalyzeClasses(packages = "dev.cxltrace.device", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void deviceDependsOnlyOnTheJdk(JavaClasses classes) {
        DEVICE_DEPENDS_ONLY_ON_THE_JDK.check(classes);
    }

    @ArchTest
    static void profilesMayAlsoUseGson(JavaClasses classes) {
        PROFILES_MAY_ALSO_USE_GSON.check(classes);
    }

    @ArchTest
    static void deviceKnowsNoProtocolNorCommandLine(JavaClasses classes) {
        DEVICE_KNOWS_NO_PROTOCOL_NOR_COMMAND_LINE.check(classes);
    }

    static final ArchRule DEVICE_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage("dev.cxltrace.device..")
            .and().resideOutsideOfPackage("dev.cxltrace.device.profile..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.cxltrace.device..")
            .because("the device runtime is the bottom layer and ships in every tool");

    static final ArchRule PROFILES_MAY_ALSO_USE_GSON = classes()
            .that().resideInAPackage("dev.cxltrace.device.profile..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.cxltrace.device..", "com.google.gson..")
            .because("only profile files are JSON, read with Gson");

    static final ArchRule DEVICE_KNOWS_NO_PROTOCOL_NOR_COMMAND_LINE = noClasses()
            .that().resideInAPackage("dev.cxltrace.device..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.lsp4j..", "picocli..")
            .because("LSP and the command line are layers above the device (STYLE.md §1)");
}
