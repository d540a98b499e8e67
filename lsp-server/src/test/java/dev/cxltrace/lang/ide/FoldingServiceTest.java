package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingServiceTest {

    private static List<FoldingInfo> folding(String text) {
        return new FoldingService().folding(Analysis.of(text, ProfileSource.NONE, CancelToken.NONE), CancelToken.NONE);
    }

    @Test
    void sectionsFoldToTheLineBeforeTheNextHeadingOfTheSameOrHigherLevel() {
        List<FoldingInfo> folds = folding("""
                ## One
                device type2
                ### One.a
                r32 comp cm.cap_hdr
                ### One.b
                r32 comp cm.cap_hdr
                ## Two
                r32 comp cm.cap_hdr
                r32 comp cm.cap_hdr
                """);

        assertThat(folds).containsExactly(
                new FoldingInfo(1, 6, FoldingInfo.Kind.SECTION),
                new FoldingInfo(3, 4, FoldingInfo.Kind.SECTION),
                new FoldingInfo(5, 6, FoldingInfo.Kind.SECTION),
                new FoldingInfo(7, 9, FoldingInfo.Kind.SECTION));
    }

    @Test
    void runsOfTwoOrMoreCommentLinesFoldAndHeadingsAreNotComments() {
        List<FoldingInfo> folds = folding("""
                # a
                  # b
                # c
                r32 comp cm.cap_hdr
                # lone
                r32 comp cm.cap_hdr
                # before a heading
                ## Heading
                # x
                # y""");

        assertThat(folds).containsExactly(
                new FoldingInfo(1, 3, FoldingInfo.Kind.COMMENT),
                new FoldingInfo(8, 10, FoldingInfo.Kind.SECTION),
                new FoldingInfo(9, 10, FoldingInfo.Kind.COMMENT));
    }

    @Test
    void aSectionOfOneLineDoesNotFold() {
        assertThat(folding("## a\n## b\n")).isEmpty();
    }
}
