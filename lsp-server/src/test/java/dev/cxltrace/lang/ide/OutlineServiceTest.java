package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.syntax.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineServiceTest {

    private static List<OutlineNode> outline(String text) {
        return new OutlineService().outline(Analysis.of(text, ProfileSource.NONE, CancelToken.NONE), CancelToken.NONE);
    }

    @Test
    void sectionsNestByLevelAndHoldTheDeviceLine() {
        List<OutlineNode> nodes = outline("""
                ## Setup
                device type2 hdm_size=1G
                ### Lock
                w16 cfg dvsec.lock {CONFIG_LOCK=1}
                ## Component
                r32 comp cm.cap_hdr
                """);

        assertThat(nodes).extracting(OutlineNode::name).containsExactly("Setup", "Component");
        OutlineNode setup = nodes.get(0);
        assertThat(setup.kind()).isEqualTo(OutlineNode.Kind.SECTION);
        assertThat(setup.selection()).isEqualTo(new Span(1, 0, 8));
        assertThat(setup.range()).isEqualTo(new TextRange(1, 0, 4, "w16 cfg dvsec.lock {CONFIG_LOCK=1}".length()));
        assertThat(setup.children()).extracting(OutlineNode::kind, OutlineNode::name, OutlineNode::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutlineNode.Kind.DEVICE, "device type2", "hdm_size=1G"),
                        org.assertj.core.groups.Tuple.tuple(OutlineNode.Kind.SECTION, "Lock", "###"));
        OutlineNode lock = setup.children().get(1);
        assertThat(lock.range()).isEqualTo(new TextRange(3, 0, 4, 34));
        assertThat(lock.children()).isEmpty();
        // The last section runs to the last line; the empty line after the final newline does not count.
        assertThat(nodes.get(1).range()).isEqualTo(new TextRange(5, 0, 6, "r32 comp cm.cap_hdr".length()));
    }

    @Test
    void aDeeperHeadingFirstAndADeviceOutsideSectionsAreRoots() {
        List<OutlineNode> nodes = outline("device\n### deep\n## top\n##\n");

        assertThat(nodes).extracting(OutlineNode::name).containsExactly("device type2", "deep", "top", "(untitled section)");
        assertThat(nodes.get(1).range()).isEqualTo(new TextRange(2, 0, 2, 8));
    }

    @Test
    void noHeadingsNoDeviceIsEmpty() {
        assertThat(outline("# just a comment\nr32 comp cm.cap_hdr\n")).isEmpty();
        assertThat(outline("")).isEmpty();
    }
}
