package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.protocol.internal.PacedInputStream;

class MethodNegotiationTest {

    private final MethodNegotiation negotiation = new MethodNegotiation();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Stream<Arguments> offers() {
        return Stream.of(
                Arguments.of(List.of(0), 0x00),
                Arguments.of(List.of(2, 0), 0x00),
                Arguments.of(IntStream.range(0, 255).boxed().toList(), 0x00),
                Arguments.of(List.of(), 0xFF),
                Arguments.of(List.of(2), 0xFF),
                Arguments.of(List.of(1, 2, 0x80, 0xFE), 0xFF));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void choosesNoAuthenticationOnlyWhenOffered(List<Integer> offered, int expected) {
        assertThat(MethodNegotiation.choose(new Greeting(offered))).isEqualTo(expected);
    }

    @Test
    void agreesAndAnswersWithTheMethod() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("02 02 00")), out))
                .isEqualTo(new MethodNegotiation.Outcome.Agreed(0));
        assertThat(out.toByteArray()).isEqualTo(hex("05 00"));
    }

    @Test
    void answersFfWhenNothingFits() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("01 02")), out))
                .isEqualTo(new MethodNegotiation.Outcome.Failed("no acceptable authentication method"));
        assertThat(out.toByteArray()).isEqualTo(hex("05 ff"));
    }

    @Test
    void aTruncatedGreetingGetsNoAnswer() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("03 02 00")), out))
                .isEqualTo(new MethodNegotiation.Outcome.Failed("truncated greeting"));
        assertThat(out.toByteArray()).isEmpty();
    }
}
