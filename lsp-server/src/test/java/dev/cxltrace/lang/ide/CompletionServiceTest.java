package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.syntax.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completions at a {@code |} cursor, in the style of LemMinX's {@code testCompletionFor}. */
class CompletionServiceTest {

    private static Completions complete(String marked) {
        Cursor c = Cursor.of(marked);
        Analysis a = Analysis.of(c.text(), ProfileSource.NONE, CancelToken.NONE);
        return new CompletionService().complete(a, c.line(), c.column(), CancelToken.NONE);
    }

    private static List<String> labels(String marked) {
        return complete(marked).entries().stream().map(CompletionEntry::label).toList();
    }

    private static List<String> paths(Space space) {
        return RegisterCatalog.get().registers().stream().filter(r -> r.space() == space).map(RegisterDef::path).toList();
    }

    @Test
    void atTheStartOfALineOpsExpectAndDevice() {
        assertThat(labels("|")).containsExactly("r8", "r16", "r32", "r64", "w8", "w16", "w32", "w64", "expect", "device");
        Completions c = complete("device type2\n  w1|");
        assertThat(c.replace()).isEqualTo(new Span(2, 2, 4));
        assertThat(c.entries()).first().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(CompletionEntry.Kind.KEYWORD);
            assertThat(e.insertText()).isEqualTo("r8 ");
        });
    }

    @Test
    void afterAnOpTheSpaces() {
        assertThat(labels("r32 |")).containsExactly("cfg", "comp", "hdm", "bar0", "bar1", "bar2", "bar3", "bar4", "bar5");
        assertThat(labels("w16 co|")).contains("comp");
    }

    @Test
    void afterOpAndSpaceTheRegistersOfThatSpaceDocumentedFromTheCatalog() {
        assertThat(labels("r16 cfg |")).containsExactlyElementsOf(paths(Space.CFG))
                .anyMatch(p -> p.startsWith("pci.")).anyMatch(p -> p.startsWith("pcie."))
                .anyMatch(p -> p.startsWith("dvsec.")).anyMatch(p -> p.startsWith("regloc."))
                .noneMatch(p -> p.startsWith("hdm.") || p.startsWith("cm."));
        assertThat(labels("r32 comp |")).containsExactlyElementsOf(paths(Space.COMP))
                .anyMatch(p -> p.startsWith("cm.")).anyMatch(p -> p.startsWith("hdm."))
                .noneMatch(p -> p.startsWith("dvsec."));
        assertThat(labels("r8 hdm |")).isEmpty();

        Completions c = complete("r32 comp hdm.dec|");
        assertThat(c.replace()).isEqualTo(new Span(1, 9, 16));
        CompletionEntry ctrl = c.entries().stream().filter(e -> e.label().equals("hdm.decoder0.ctrl")).findFirst().orElseThrow();
        assertThat(ctrl.kind()).isEqualTo(CompletionEntry.Kind.REGISTER);
        assertThat(ctrl.documentation()).startsWith("### hdm.decoder0.ctrl").contains("COMMITTED");
        assertThat(ctrl.insertText()).isEqualTo("hdm.decoder0.ctrl");
    }

    @Test
    void insideBracesTheFieldsTheAccessCovers() {
        assertThat(labels("w16 cfg dvsec.lock {|}")).startsWith("CONFIG_LOCK")
                .containsExactlyElementsOf(RegisterCatalog.get().byPath("dvsec.lock").orElseThrow().fields().stream().map(f -> f.name()).toList());
        assertThat(labels("w16 cfg dvsec.control {MEM_ENABLE=1, |")).contains("MEM_ENABLE", "CACHE_ENABLE", "IO_ENABLE");
        // An integer location: the fields of every register the access covers.
        List<String> fields = labels("r32 cfg 0x108 = {|}");
        assertThat(fields).contains("DVSEC_ID", "MEM_CAPABLE");
        // A line that does not parse yet: the named register.
        assertThat(labels("w32 comp hdm.decoder0.ctrl {COM|")).contains("COMMIT", "COMMITTED");
        assertThat(labels("expect hdm.decoder0.ctrl == {|}")).contains("COMMITTED");
        CompletionEntry lock = complete("w16 cfg dvsec.lock {C|}").entries().get(0);
        assertThat(lock.kind()).isEqualTo(CompletionEntry.Kind.FIELD);
        assertThat(lock.insertText()).isEqualTo("CONFIG_LOCK=");
        assertThat(lock.documentation()).startsWith("### dvsec.lock.CONFIG_LOCK");
        // After '=' a value is expected, not a field.
        assertThat(labels("w16 cfg dvsec.lock {CONFIG_LOCK=|}")).isEmpty();
    }

    @Test
    void afterBangTheErrnos() {
        assertThat(labels("r16 comp 0x1000 ! |")).contains("EINVAL", "EFAULT", "EOPNOTSUPP").hasSize(11);
        assertThat(labels("device type2 hpa_busy=true ! EB|")).contains("EBUSY");
    }

    @Test
    void afterExpectTheTargets() {
        List<String> targets = labels("expect |");
        assertThat(targets).contains("dvsec.lock", "host.dvsec.lock", "hdm.decoder0.base_lo", "info.flags.cxl",
                "info.cxl.comp_reg_size", "region.comp.size", "region.bar0.flags.mmap", "region.hdm.sparse.count", "create");
        assertThat(labels("expect dvsec.lock.|")).contains("dvsec.lock.CONFIG_LOCK");
        assertThat(labels("expect host.hdm.decoder0.ctrl.|")).contains("host.hdm.decoder0.ctrl.COMMITTED");
        assertThat(labels("expect create == |")).contains("EBUSY", "create");
        assertThat(labels("expect dvsec.lock == |")).contains("host.dvsec.lock").doesNotContain("EBUSY");
    }

    @Test
    void afterDeviceTheProfilesAndParameters() {
        assertThat(labels("device |")).startsWith("type2").contains("hdm_size=", "hpa_base=", "cxl=", "hpa_busy=");
        assertThat(labels("device type2 hdm_size=1G |")).doesNotContain("type2", "hdm_size=").contains("iw=");
        assertThat(labels("device type2 lock_on_commit=|")).containsExactly("true", "false");
        assertThat(labels("device cxl=|")).containsExactly("on", "off");
        CompletionEntry size = complete("device hdm|").entries().stream().filter(e -> e.label().equals("hdm_size=")).findFirst()
                .orElseThrow();
        assertThat(size.kind()).isEqualTo(CompletionEntry.Kind.PARAMETER);
        assertThat(size.documentation()).contains("256M");
    }

    @Test
    void nothingInCommentsHeadingsAndValues() {
        assertThat(labels("# r|")).isEmpty();
        assertThat(labels("## Sect|ion")).isEmpty();
        assertThat(labels("w32 comp hdm.decoder0.ctrl 0x|")).isEmpty();
    }
}
