package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.ide.SemanticTokenInfo.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticTokensServiceTest {

    private static List<SemanticTokenInfo> tokens(String text) {
        return new SemanticTokensService().tokens(Analysis.of(text, ProfileSource.NONE, CancelToken.NONE), CancelToken.NONE);
    }

    /** Each token as (line, its text, kind). */
    private static List<org.assertj.core.groups.Tuple> described(String text) {
        String[] lines = text.split("\n", -1);
        return tokens(text).stream()
                .map(t -> tuple(t.line(), lines[t.line() - 1].substring(t.start(), t.start() + t.length()), t.kind()))
                .toList();
    }

    @Test
    void everyPartOfAnAccessIsClassifiedFromTheLexerAndTheCatalog() {
        assertThat(described("W16 cfg DVSEC.control {mem_enable=0, ..} # off\n"
                + "r16 comp 0x1002 ! EINVAL\n"
                + "r32 cfg dvsec.lock + 2 = {CONFIG_LOCK=1}")).containsExactly(
                tuple(1, "W16", Kind.OP), tuple(1, "cfg", Kind.SPACE), tuple(1, "DVSEC.control", Kind.REGISTER),
                tuple(1, "mem_enable", Kind.FIELD), tuple(1, "0", Kind.NUMBER), tuple(1, "# off", Kind.COMMENT),
                tuple(2, "r16", Kind.OP), tuple(2, "comp", Kind.SPACE), tuple(2, "0x1002", Kind.NUMBER), tuple(2, "EINVAL", Kind.ERRNO),
                tuple(3, "r32", Kind.OP), tuple(3, "cfg", Kind.SPACE), tuple(3, "dvsec.lock", Kind.REGISTER), tuple(3, "2", Kind.NUMBER),
                tuple(3, "CONFIG_LOCK", Kind.FIELD), tuple(3, "1", Kind.NUMBER));
    }

    @Test
    void keywordsParametersTargetsAndHeadings() {
        assertThat(described("  ## Setup  \ndevice type2 hdm_size=256M\nexpect dvsec.lock.CONFIG_LOCK == 1")).containsExactly(
                tuple(1, "## Setup", Kind.HEADING),
                tuple(2, "device", Kind.KEYWORD), tuple(2, "hdm_size", Kind.PARAMETER), tuple(2, "256M", Kind.NUMBER),
                tuple(3, "expect", Kind.KEYWORD), tuple(3, "dvsec.lock.CONFIG_LOCK", Kind.REGISTER), tuple(3, "1", Kind.NUMBER));
    }

    @Test
    void aLineThatDoesNotParseStillHasItsTokensAndAWordNobodyKnowsHasNone() {
        assertThat(described("r32 cfg\nbogus 12 # c")).containsExactly(
                tuple(1, "r32", Kind.OP), tuple(2, "12", Kind.NUMBER), tuple(2, "# c", Kind.COMMENT));
    }
}
