package org.sockd.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The framing, both ways. */
class WireTest {

    @Test
    void everyLineOfEachStreamIsPrefixedAndTheStatusComesLast() {
        String encoded = new String(Wire.encode(new Answer(Answer.FAILED, "one\n\nthree\n", "bad\nworse")),
                StandardCharsets.UTF_8);

        assertThat(encoded).isEqualTo("out one\nout \nout three\nerr bad\nerr worse\nexit 1\n");
        assertThat(encoded.lines().map(Wire::decode)).containsExactly(new Wire.Out("one"), new Wire.Out(""),
                new Wire.Out("three"), new Wire.Err("bad"), new Wire.Err("worse"), new Wire.Exit(1));
    }

    @Test
    void anEmptyAnswerIsItsStatusAlone() {
        assertThat(Wire.encode(new Answer(Answer.DONE, "", ""))).asString(StandardCharsets.UTF_8).isEqualTo("exit 0\n");
    }

    @Test
    void whatIsNoLineOfAnAnswerIsToldApart() {
        assertThat(Wire.decode("exit 2")).isEqualTo(new Wire.Unknown("exit 2"));
        assertThat(Wire.decode("exit 0 ")).isEqualTo(new Wire.Unknown("exit 0 "));
        assertThat(Wire.decode("output")).isEqualTo(new Wire.Unknown("output"));
        assertThat(Wire.decode("")).isEqualTo(new Wire.Unknown(""));
    }

    @Test
    void theRequestIsTheLineInUtf8() {
        assertThat(Wire.request("check 10.0.0.1 ::1 80 jörg")).isEqualTo("check 10.0.0.1 ::1 80 jörg\n".getBytes(StandardCharsets.UTF_8));
    }
}
