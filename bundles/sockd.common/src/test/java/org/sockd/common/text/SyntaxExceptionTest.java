package org.sockd.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntaxExceptionTest {

    @Test
    void aFieldIsQuotedWithItsControlCharactersEscaped() {
        assertThat(SyntaxException.quoted("permit")).isEqualTo("\"permit\"");
        assertThat(SyntaxException.quoted("a\nJun 1 sockd: forged\u001b\u007f")).isEqualTo("\"a\\x0aJun 1 sockd: forged\\x1b\\x7f\"");
    }

    @Test
    void printableAndNonAsciiCharactersStayAsTheyAre() {
        assertThat(SyntaxException.quoted("h\u00e9te \"x\" \\")).isEqualTo("\"h\u00e9te \"x\" \\\"");
    }

    @Test
    void theReasonIsTheMessageAndNoStackTraceIsKept() {
        SyntaxException e = new SyntaxException("Invalid entry");
        assertThat(e).hasMessage("Invalid entry");
        assertThat(e.getStackTrace()).isEmpty();
    }
}
