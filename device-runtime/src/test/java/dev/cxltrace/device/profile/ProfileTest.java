package dev.cxltrace.device.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Device parameters (TRACE-LANGUAGE.md §1) and their validation (REGISTERS.md §5.1): every value
 * a parameter accepts and refuses, the size syntax, and JSON profile files. A refused value is a
 * message naming the parameter and what it accepts; nothing throws on user input.
 */
class ProfileTest {
    /** The parameters of TRACE-LANGUAGE.md §1, in the table's order. */
    private static final List<String> PARAMETER_NAMES = List.of("hdm_size", "hpa_base", "decoders", "iw",
            "firmware_committed", "lock_on_commit", "config_lock", "comp_bar", "comp_offset", "bar_size", "mem_capable",
            "cxl", "hpa_busy");

    private static ProfileBuilder type2() {
        return ProfileBuilder.from(DeviceProfile.type2());
    }

    /** A parameter's value in a profile, as a number (booleans 1/0, cxl on=1/off=0). */
    private static long valueOf(DeviceProfile p, String parameter) {
        return switch (parameter) {
            case "hdm_size" -> p.hdmSize();
            case "hpa_base" -> p.hpaBase();
            case "decoders" -> p.decoders();
            case "iw" -> p.iw();
            case "firmware_committed" -> p.firmwareCommitted() ? 1 : 0;
            case "lock_on_commit" -> p.lockOnCommit() ? 1 : 0;
            case "config_lock" -> p.configLock() ? 1 : 0;
            case "comp_bar" -> p.compBar();
            case "comp_offset" -> p.compOffset();
            case "bar_size" -> p.barSize();
            case "mem_capable" -> p.memCapable() ? 1 : 0;
            case "cxl" -> p.cxl() == CxlMode.ON ? 1 : 0;
            case "hpa_busy" -> p.hpaBusy() ? 1 : 0;
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    // ---------------------------------------------------------------- the built-in profile

    @Test
    void builtInType2HasTheDefaultsOfTheParameterTable() {
        DeviceProfile p = DeviceProfile.type2();
        assertThat(p.name()).isEqualTo("type2");
        assertThat(p.hdmSize()).isEqualTo(0x1000_0000L);          // 256M
        assertThat(p.hpaBase()).isEqualTo(0x40_0000_0000L);
        assertThat(p.decoders()).isEqualTo(1);
        assertThat(p.iw()).isEqualTo(0);
        assertThat(p.firmwareCommitted()).isTrue();
        assertThat(p.lockOnCommit()).isFalse();
        assertThat(p.configLock()).isFalse();
        assertThat(p.compBar()).isEqualTo(0);
        assertThat(p.compOffset()).isEqualTo(0);
        assertThat(p.barSize()).isEqualTo(0x10_0000L);            // 1M
        assertThat(p.memCapable()).isTrue();
        assertThat(p.cxl()).isEqualTo(CxlMode.ON);
        assertThat(p.hpaBusy()).isFalse();
        assertThat(p.cxlBound()).isTrue();
    }

    @Test
    void builtInProfilesAreFoundByName() {
        assertThat(BuiltInProfiles.names()).containsExactly("type2");
        assertThat(BuiltInProfiles.byName("type2")).contains(DeviceProfile.type2());
        assertThat(BuiltInProfiles.byName("type3")).isEmpty();
    }

    @Test
    void parametersAreThoseOfTheTraceLanguage() {
        assertThat(Arrays.stream(Parameter.values()).map(Parameter::canonicalName)).containsExactlyElementsOf(PARAMETER_NAMES);
        for (Parameter p : Parameter.values()) {
            assertThat(Parameter.byName(p.canonicalName())).contains(p);
            assertThat(p.meaning()).isNotBlank();
        }
        assertThat(Parameter.byName("hdm_sise")).isEmpty();
    }

    @Test
    void aBuiltProfileWithoutOverridesIsTheBase() {
        ProfileBuilder.Result r = type2().build();
        assertThat(r.ok()).isTrue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.profile()).isEqualTo(DeviceProfile.type2());
    }

    @Test
    void valueInSpellsEachParameterAsATraceWould() {
        DeviceProfile p = DeviceProfile.type2();
        assertThat(Parameter.HDM_SIZE.valueIn(p)).isEqualTo("256M");
        assertThat(Parameter.BAR_SIZE.valueIn(p)).isEqualTo("1M");
        assertThat(Parameter.CXL.valueIn(p)).isEqualTo("on");
        assertThat(Parameter.CONFIG_LOCK.valueIn(p)).isEqualTo("false");
        for (Parameter parameter : Parameter.values()) {
            assertThat(type2().set(parameter, parameter.valueIn(p))).as(parameter.canonicalName()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- accepted values

    @ParameterizedTest(name = "{0}={1} is accepted as {2}")
    @CsvSource(textBlock = """
            hdm_size,           256M,                    0x10000000
            hdm_size,           512M,                    0x20000000
            hdm_size,           1G,                      0x40000000
            hdm_size,           4096M,                   0x100000000
            hdm_size,           1T,                      0x10000000000
            hdm_size,           0x1_2000_0000,           0x120000000
            hdm_size,           268435456,               0x10000000
            hdm_size,           0b1_0000_0000_0000_0000_0000_0000_0000, 0x10000000
            hdm_size,           262_144K,                0x10000000
            hpa_base,           0,                       0x0
            hpa_base,           256M,                    0x10000000
            hpa_base,           0x40_0000_0000,          0x4000000000
            hpa_base,           0x80_1000_0000,          0x8010000000
            hpa_base,           1T,                      0x10000000000
            decoders,           1,                       1
            decoders,           2,                       2
            decoders,           4,                       4
            decoders,           6,                       6
            decoders,           8,                       8
            decoders,           10,                      10
            decoders,           0xa,                     10
            iw,                 0,                       0
            iw,                 1,                       1
            iw,                 2,                       2
            iw,                 3,                       3
            iw,                 4,                       4
            iw,                 8,                       8
            iw,                 9,                       9
            iw,                 10,                      10
            iw,                 0b1001,                  9
            comp_bar,           0,                       0
            comp_bar,           1,                       1
            comp_bar,           2,                       2
            comp_bar,           3,                       3
            comp_bar,           4,                       4
            comp_bar,           5,                       5
            comp_offset,        0,                       0x0
            comp_offset,        64K,                     0x10000
            comp_offset,        0x4_0000,                0x40000
            comp_offset,        1M,                      0x100000
            comp_offset,        0x1_0000_0000,           0x100000000
            bar_size,           4K,                      0x1000
            bar_size,           4096,                    0x1000
            bar_size,           0x2000,                  0x2000
            bar_size,           64K,                     0x10000
            bar_size,           1M,                      0x100000
            bar_size,           2M,                      0x200000
            bar_size,           1G,                      0x40000000
            bar_size,           2G,                      0x80000000
            firmware_committed, true,                    1
            firmware_committed, false,                   0
            lock_on_commit,     true,                    1
            lock_on_commit,     false,                   0
            config_lock,        true,                    1
            config_lock,        false,                   0
            mem_capable,        true,                    1
            mem_capable,        false,                   0
            hpa_busy,           true,                    1
            hpa_busy,           false,                   0
            cxl,                on,                      1
            cxl,                off,                     0
            """)
    void parameterAcceptsValidValues(String parameter, String text, String expected) {
        ProfileBuilder b = type2();
        assertThat(b.set(parameter, text)).isEmpty();
        ProfileBuilder.Result r = b.build();
        assertThat(r.errors()).isEmpty();
        assertThat(valueOf(r.profile(), parameter)).isEqualTo(Long.decode(expected));
    }

    // ---------------------------------------------------------------- refused values

    /** parameter, refused value, a phrase of REGISTERS.md §5.1 the message must carry. */
    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(textBlock = """
            hdm_size,           0,              256M
            hdm_size,           128M,           256M
            hdm_size,           100M,           256M
            hdm_size,           0x1000_0001,    256M
            hdm_size,           4K,             256M
            hpa_base,           0x1000,         256M
            hpa_base,           128M,           256M
            hpa_base,           0x40_0800_0000, 256M
            decoders,           0,              '1, 2, 4, 6, 8 or 10'
            decoders,           3,              '1, 2, 4, 6, 8 or 10'
            decoders,           5,              '1, 2, 4, 6, 8 or 10'
            decoders,           12,             '1, 2, 4, 6, 8 or 10'
            decoders,           1K,             '1, 2, 4, 6, 8 or 10'
            iw,                 5,              '0, 1, 2, 3, 4, 8, 9 or 10'
            iw,                 6,              '0, 1, 2, 3, 4, 8, 9 or 10'
            iw,                 7,              '0, 1, 2, 3, 4, 8, 9 or 10'
            iw,                 11,             '0, 1, 2, 3, 4, 8, 9 or 10'
            iw,                 16,             '0, 1, 2, 3, 4, 8, 9 or 10'
            comp_bar,           6,              0 to 5
            comp_bar,           7,              0 to 5
            comp_offset,        0x8000,         64K
            comp_offset,        4K,             64K
            comp_offset,        0x10001,        64K
            bar_size,           0,              4K
            bar_size,           2K,             4K
            bar_size,           3M,             power of two
            bar_size,           0x3000,         power of two
            bar_size,           4G,             2G
            bar_size,           0x1_0000_0000,  2G
            firmware_committed, 1,              true or false
            lock_on_commit,     yes,            true or false
            config_lock,        0,              true or false
            mem_capable,        on,             true or false
            hpa_busy,           '',             true or false
            cxl,                true,           on or off
            cxl,                1,              on or off
            cxl,                enabled,        on or off
            """)
    void parameterRefusesInvalidValuesNamingItselfAndWhatItAccepts(String parameter, String text, String phrase) {
        ProfileBuilder b = type2();
        Optional<String> message = b.set(parameter, text);
        assertThat(message).isPresent();
        assertThat(message.get())
                .startsWith(parameter + "=" + text + " ")
                .contains(Parameter.byName(parameter).orElseThrow().accepted())
                .contains(phrase)
                .doesNotEndWith(".");
        // A refused value leaves the profile as it was.
        assertThat(b.build().profile()).isEqualTo(DeviceProfile.type2());
    }

    @ParameterizedTest(name = "hdm_size={0} is not a number")
    @ValueSource(strings = {"abc", "0x", "0b", "0x10M", "0b1K", "0x1_0000G", "1_", "_1", "1__0", "0b102", "0xfg", "-1",
            "1.5", "256MB", "M", "256 M", "0x1_0000_0000_0000_0000", "16777216T", "18446744073709551616", ""})
    void malformedNumberIsRefusedNamingTheParameterAndTheSyntax(String text) {
        Optional<String> message = type2().set("hdm_size", text);
        assertThat(message).isPresent();
        assertThat(message.get()).startsWith("hdm_size=" + text + " ").contains(Parameter.HDM_SIZE.accepted())
                .contains("256M");
    }

    @Test
    void unknownParameterIsRefusedListingTheKnownNames() {
        Optional<String> message = type2().set("hdm_sise", "1G");
        assertThat(message).isPresent();
        assertThat(message.get()).contains("hdm_sise");
        for (String name : PARAMETER_NAMES) {
            assertThat(message.get()).contains(name);
        }
    }

    @Test
    void booleanSetterRefusesANumericParameter() {
        assertThat(type2().setBoolean(Parameter.HDM_SIZE, true)).hasValueSatisfying(m ->
                assertThat(m).startsWith("hdm_size=true ").contains(Parameter.HDM_SIZE.accepted()));
    }

    // ---------------------------------------------------------------- rules across parameters

    @ParameterizedTest(name = "{0} decoders={1} is refused")
    @CsvSource(textBlock = """
            cxl=off,           2
            cxl=off,           10
            mem_capable=false, 4
            """)
    void plainDeviceWithMoreThanOneDecoderIsRefused(String plain, String decoders) {
        ProfileBuilder b = type2();
        String[] kv = plain.split("=");
        assertThat(b.set(kv[0], kv[1])).isEmpty();
        assertThat(b.set("decoders", decoders)).isEmpty();
        ProfileBuilder.Result r = b.build();
        assertThat(r.ok()).isFalse();
        assertThat(r.profile()).isNull();
        assertThat(r.errors()).singleElement().satisfies(m ->
                assertThat(m).contains("decoders=" + decoders).contains(plain).contains("decoders=1"));
    }

    @Test
    void plainDeviceWithOneDecoderIsAccepted() {
        ProfileBuilder b = type2();
        assertThat(b.set("cxl", "off")).isEmpty();
        ProfileBuilder.Result r = b.build();
        assertThat(r.ok()).isTrue();
        assertThat(r.profile().cxlBound()).isFalse();
    }

    @Test
    void boundDeviceWithMoreDecodersIsAProfileAndCreationAnswersIt() {
        // REGISTERS.md §5.1: decoders=2 is a valid value; creation answers EOPNOTSUPP, not the profile.
        ProfileBuilder b = type2();
        assertThat(b.set("decoders", "2")).isEmpty();
        assertThat(b.build().ok()).isTrue();
    }

    @Test
    void memCapableFalseMakesAPlainDevice() {
        ProfileBuilder b = type2();
        assertThat(b.set("mem_capable", "false")).isEmpty();
        assertThat(b.build().profile().cxlBound()).isFalse();
    }

    @Test
    void laterOverridesReplaceEarlierValues() {
        ProfileBuilder b = type2();
        assertThat(b.set("hdm_size", "1G")).isEmpty();
        assertThat(b.set("hdm_size", "512M")).isEmpty();
        assertThat(b.named("mine").build().profile()).satisfies(p -> {
            assertThat(p.hdmSize()).isEqualTo(0x2000_0000L);
            assertThat(p.name()).isEqualTo("mine");
        });
    }

    // ---------------------------------------------------------------- the size syntax

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            0,                     0x0
            4096,                  0x1000
            4_096,                 0x1000
            4K,                    0x1000
            1_024K,                0x100000
            256M,                  0x10000000
            1G,                    0x40000000
            1T,                    0x10000000000
            16777215T,             0xFFFFFF0000000000
            0x1000,                0x1000
            0X1000,                0x1000
            0x40_0000_0000,        0x4000000000
            0xFFFF_FFFF_FFFF_FFFF, 0xFFFFFFFFFFFFFFFF
            0b1010,                0xA
            0b1_0000,              0x10
            18446744073709551615,  0xFFFFFFFFFFFFFFFF
            """)
    void sizesTakeBinarySuffixesAndIntegerLiterals(String text, String expected) {
        assertThat(NumberSyntax.parseSize(text)).hasValue(Long.parseUnsignedLong(expected.substring(2), 16));
    }

    @ParameterizedTest(name = "{0} is not a size")
    @ValueSource(strings = {"0x10K", "0x1M", "0b1G", "0b1T", "K", "", "1_", "_1K", "1__0", "0x", "0x_1", "1K_",
            "12Q", "1KB", "16777216T", "18446744073709551616", "0x1_0000_0000_0000_0000", "1.0", "+1"})
    void malformedSizesAreRefused(String text) {
        assertThat(NumberSyntax.parseSize(text)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void integersTakeNoSuffix() {
        assertThat(NumberSyntax.parseInteger("256M")).isEmpty();
        assertThat(NumberSyntax.parseInteger("0x40_0000_0000")).hasValue(0x40_0000_0000L);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(textBlock = """
            0x1000,        4K
            0x10000000,    256M
            0x40000000,    1G
            0x10000000000, 1T
            0x120000000,   4608M
            """)
    void sizesPrintInTheShortestExactForm(String value, String printed) {
        long v = Long.decode(value);
        assertThat(NumberSyntax.formatSize(v)).isEqualTo(printed);
        assertThat(NumberSyntax.parseSize(printed)).hasValue(v);
    }

    @ParameterizedTest(name = "{0} prints back to itself")
    @ValueSource(longs = {0, 1, 0x1001, 0x40_0000_0001L, 0x80_1000_0400L + 1, -1})
    void sizesWithoutAnExactSuffixPrintAsParsableHex(long v) {
        assertThat(NumberSyntax.formatSize(v)).startsWith("0x");
        assertThat(NumberSyntax.parseSize(NumberSyntax.formatSize(v))).hasValue(v);
    }

    // ---------------------------------------------------------------- JSON profile files

    private static DeviceProfile load(String json) {
        ProfileLoader.Loaded loaded = ProfileLoader.parse("boards/x.json", json);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.ok()).isTrue();
        ProfileBuilder.Result r = loaded.builder().build();
        assertThat(r.errors()).isEmpty();
        return r.profile();
    }

    private static List<String> loadErrors(String json) {
        ProfileLoader.Loaded loaded = ProfileLoader.parse("boards/x.json", json);
        assertThat(loaded.ok()).isFalse();
        assertThat(loaded.builder()).isNull();
        assertThat(loaded.errors()).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("profile boards/x.json"));
        return loaded.errors();
    }

    @Test
    void profileFileTakesJsonNumbers() {
        DeviceProfile p = load("""
                {"hdm_size": 536870912, "hpa_base": 274877906944, "decoders": 1, "comp_bar": 2,
                 "comp_offset": 262144, "bar_size": 2097152}
                """);
        assertThat(p.hdmSize()).isEqualTo(0x2000_0000L);
        assertThat(p.hpaBase()).isEqualTo(0x40_0000_0000L);
        assertThat(p.compBar()).isEqualTo(2);
        assertThat(p.compOffset()).isEqualTo(0x4_0000L);
        assertThat(p.barSize()).isEqualTo(0x20_0000L);
    }

    @Test
    void profileFileTakesJsonBooleans() {
        DeviceProfile p = load("""
                {"config_lock": true, "lock_on_commit": true, "firmware_committed": false, "mem_capable": false,
                 "hpa_busy": true}
                """);
        assertThat(p.configLock()).isTrue();
        assertThat(p.lockOnCommit()).isTrue();
        assertThat(p.firmwareCommitted()).isFalse();
        assertThat(p.memCapable()).isFalse();
        assertThat(p.hpaBusy()).isTrue();
    }

    @Test
    void profileFileTakesStringsWrittenAsInATrace() {
        DeviceProfile p = load("""
                {"hdm_size": "256M", "hpa_base": "0x40_0000_0000", "bar_size": "2M", "comp_offset": "0b1_0000_0000_0000_0000",
                 "cxl": "off", "config_lock": "true"}
                """);
        assertThat(p.hdmSize()).isEqualTo(0x1000_0000L);
        assertThat(p.hpaBase()).isEqualTo(0x40_0000_0000L);
        assertThat(p.barSize()).isEqualTo(0x20_0000L);
        assertThat(p.compOffset()).isEqualTo(0x1_0000L);
        assertThat(p.cxl()).isEqualTo(CxlMode.OFF);
        assertThat(p.configLock()).isTrue();
    }

    @Test
    void profileFileKeepsType2ForParametersItDoesNotName() {
        DeviceProfile p = load("{}");
        assertThat(p.name()).isEqualTo("boards/x.json");
        assertThat(p).usingRecursiveComparison().ignoringFields("name").isEqualTo(DeviceProfile.type2());
    }

    @Test
    void deviceLineOverridesApplyAfterTheFile() {
        ProfileLoader.Loaded loaded = ProfileLoader.parse("boards/x.json", "{\"hdm_size\": \"1G\", \"iw\": 0}");
        assertThat(loaded.builder().set("hdm_size", "512M")).isEmpty();
        assertThat(loaded.builder().build().profile().hdmSize()).isEqualTo(0x2000_0000L);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"hdm_size\": \"1G\"", "{\"hdm_size\" \"1G\"}", "{\"hdm_size\": \"1G\",, }", "{]",
            "{\"hdm_size\": \"1G\"} {}"})
    void invalidJsonIsRefusedNamingTheFile(String json) {
        assertThat(loadErrors(json)).singleElement().satisfies(m -> assertThat(m).contains("not valid JSON"));
    }

    /** Text that only a lenient parser reads is not JSON: other tools would refuse the same file. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{hdm_size: \"1G\"}", "{\"hdm_size\": 1G}", "{'hdm_size': '1G'}", "{\"hdm_size\" = \"1G\"}",
            "{\"hdm_size\": \"1G\"; \"iw\": 0}", "// comment\n{\"hdm_size\": \"1G\"}", "{\"hdm_size\": 0x40000000}"})
    void jsonOnlyALenientParserWouldReadIsRefused(String json) {
        assertThat(loadErrors(json)).singleElement().satisfies(m -> assertThat(m).contains("not valid JSON"));
    }

    @Test
    void invalidJsonMessageIsOneLineWithThePosition() {
        assertThat(loadErrors("{hdm_size: \"1G\"}")).singleElement().satisfies(m -> assertThat(m)
                .doesNotContain("\n").doesNotContain("setStrictness").contains("line 1 column"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"[1, 2]", "\"type2\"", "42", "true", "", "null"})
    void nonObjectIsRefusedWithAnExample(String json) {
        assertThat(loadErrors(json)).singleElement().satisfies(m ->
                assertThat(m).contains("JSON object").contains("\"hdm_size\""));
    }

    @Test
    void unknownKeyIsRefusedListingTheKnownNames() {
        assertThat(loadErrors("{\"hdm_sise\": \"1G\"}")).singleElement().satisfies(m -> {
            assertThat(m).contains("hdm_sise");
            for (String name : PARAMETER_NAMES) {
                assertThat(m).contains(name);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"hdm_size": true}            | hdm_size=true   | a size above 0, a multiple of 256M
            {"config_lock": 1}            | config_lock=1   | true or false
            {"cxl": true}                 | cxl=true        | on or off
            {"cxl": 0}                    | cxl=0           | on or off
            {"hdm_size": [268435456]}     | hdm_size        | a number, a boolean or a string
            {"hdm_size": {"size": "1G"}}  | hdm_size        | a number, a boolean or a string
            {"hdm_size": null}            | hdm_size        | a number, a boolean or a string
            {"decoders": 1.5}             | decoders=1.5    | 1, 2, 4, 6, 8 or 10
            {"decoders": -1}              | decoders=-1     | 1, 2, 4, 6, 8 or 10
            {"hdm_size": "100M"}          | hdm_size=100M   | a multiple of 256M
            {"comp_bar": 6}               | comp_bar=6      | 0 to 5
            """)
    void wrongTypeOrValueIsRefusedNamingTheParameterAndWhatItTakes(String json, String named, String takes) {
        assertThat(loadErrors(json)).singleElement().satisfies(m -> assertThat(m).contains(named).contains(takes));
    }

    @Test
    void everyRefusedEntryIsReported() {
        assertThat(loadErrors("{\"hdm_size\": \"100M\", \"iw\": 5, \"cxl\": \"on\", \"colour\": 1}"))
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("hdm_size=100M"))
                .anySatisfy(m -> assertThat(m).contains("iw=5"))
                .anySatisfy(m -> assertThat(m).contains("colour"));
    }
}
