package dev.cxltrace.lang.ide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextEditsTest {

    @Test
    void replacesARangeAcrossLines() {
        assertThat(TextEdits.apply("ab\ncd\nef", new TextRange(1, 1, 3, 1), "X")).isEqualTo("aXf");
        assertThat(TextEdits.apply("ab\ncd\nef", new TextRange(2, 0, 2, 0), "new\n")).isEqualTo("ab\nnew\ncd\nef");
        assertThat(TextEdits.apply("ab\ncd\n", new TextRange(2, 0, 3, 0), "")).isEqualTo("ab\n");
    }

    @Test
    void countsCrlfAndCrAsOneLineBreak() {
        assertThat(TextEdits.apply("ab\r\ncd\ref", new TextRange(3, 1, 3, 2), "Z")).isEqualTo("ab\r\ncd\reZ");
        assertThat(TextEdits.apply("ab\r\ncd", new TextRange(1, 2, 2, 0), " ")).isEqualTo("ab cd");
    }

    @Test
    void columnsCountUtf16CodeUnits() {
        // U+1F600 is two UTF-16 code units: the column after it is 3.
        assertThat(TextEdits.apply("#\uD83D\uDE00x", new TextRange(1, 3, 1, 4), "y")).isEqualTo("#\uD83D\uDE00y");
    }

    @Test
    void clampsPastTheEndOfALineOrTheText() {
        assertThat(TextEdits.apply("ab\ncd", new TextRange(1, 99, 1, 99), "!")).isEqualTo("ab!\ncd");
        assertThat(TextEdits.apply("ab\ncd", new TextRange(9, 0, 9, 0), "!")).isEqualTo("ab\ncd!");
    }
}
