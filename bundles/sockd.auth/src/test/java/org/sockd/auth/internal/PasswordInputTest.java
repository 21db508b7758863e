package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the new password: twice at a terminal, one line from a pipe. */
class PasswordInputTest {

    @Test
    void aTerminalAsksTwiceAndClearsWhatWasTyped() throws IOException {
        List<char[]> typed = new ArrayList<>();
        PasswordInput input = PasswordInput.twice(answers(typed, "secret", "secret"));

        assertThat(input.read()).containsExactly("secret".toCharArray());
        assertThat(typed).allSatisfy(chars -> assertThat(new String(chars)).isEqualTo("\0".repeat(6)));
    }

    @Test
    void twoDifferentAnswersAreRefused() {
        List<char[]> typed = new ArrayList<>();
        PasswordInput input = PasswordInput.twice(answers(typed, "secret", "secreT"));

        assertThatThrownBy(input::read).isInstanceOf(IOException.class).hasMessage("the passwords do not match");
        assertThat(typed).allSatisfy(chars -> assertThat(new String(chars)).doesNotContain("secre"));
    }

    @Test
    void theEndOfInputAtThePromptIsNoPassword() {
        PasswordInput input = PasswordInput.twice(prompt -> null);
        assertThatThrownBy(input::read).isInstanceOf(IOException.class).hasMessage("no password given");
    }

    @Test
    void aPipeGivesItsFirstLineWithoutTheLineEnd() throws IOException {
        assertThat(firstLine("pässwörd\nsecond\n")).containsExactly("pässwörd".toCharArray());
        assertThat(firstLine("crlf\r\n")).containsExactly("crlf".toCharArray());
        assertThat(firstLine("no line end")).containsExactly("no line end".toCharArray());
        assertThat(firstLine("x".repeat(1000))).hasSize(1000);
        assertThat(firstLine("\n")).isEmpty();
    }

    @Test
    void anEmptyPipeIsNoPassword() {
        assertThatThrownBy(() -> firstLine("")).isInstanceOf(IOException.class)
                .hasMessage("no password given on standard input");
    }

    private static char[] firstLine(String text) throws IOException {
        return PasswordInput.firstLine(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers the prompts in turn, keeping each answer so the test can see it cleared. */
    private static PasswordInput.Prompt answers(List<char[]> typed, String... answers) {
        Deque<String> left = new ArrayDeque<>(List.of(answers));
        return prompt -> {
            char[] answer = left.removeFirst().toCharArray();
            typed.add(answer);
            return answer;
        };
    }
}
