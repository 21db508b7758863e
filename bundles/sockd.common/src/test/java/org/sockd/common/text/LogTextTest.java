package org.sockd.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "don|don",
        "a b|a b",
        "back\\slash|back\\\\slash",
    })
    void printableTextIsKeptAndBackslashDoubled(String raw, String expected) {
        assertThat(LogText.escape(raw)).isEqualTo(expected);
    }

    @Test
    void controlAndNonAsciiCharactersAreEscaped() {
        assertThat(LogText.escape("x\nJun 22 sockd[1]: connected\r\u001b[2J\u00e9\u202e"))
                .isEqualTo("x\\x0aJun 22 sockd[1]: connected\\x0d\\x1b[2J\\xe9\\u202e");
    }

    @Test
    void longTextIsCutAndTheCutCounted() {
        String escaped = LogText.escape("u".repeat(300));
        assertThat(escaped).isEqualTo("u".repeat(256) + "...(+44)");
    }

    @Test
    void everyByteValueEscapesToOneSafeLine() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 256; c++) {
            all.append(c);
        }
        String escaped = LogText.escape(all.toString());
        assertThat(escaped.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
