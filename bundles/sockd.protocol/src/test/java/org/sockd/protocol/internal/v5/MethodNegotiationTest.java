package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.protocol.internal.PacedInputStream;

class MethodNegotiationTest {

    /** Stands for an authentication method; negotiation only asks for its number. */
    record Method(int method) implements Authenticator {
        @Override
        public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) {
            throw new AssertionError("negotiation must not authenticate");
        }
    }

    private static final Method PASSWORD = new Method(0x02);
    private static final Method GSSAPI = new Method(0x01);

    private final MethodNegotiation negotiation = new MethodNegotiation();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Stream<Arguments> offersWithoutAuthenticators() {
        return Stream.of(
                Arguments.of(List.of(0), true),
                Arguments.of(List.of(2, 0), true),
                Arguments.of(IntStream.range(0, 255).boxed().toList(), true),
                Arguments.of(List.of(), false),
                Arguments.of(List.of(2), false),
                Arguments.of(List.of(1, 2, 0x80, 0xFE), false));
    }

    @ParameterizedTest
    @MethodSource("offersWithoutAuthenticators")
    void withNoAuthenticatorOnlyNoAuthenticationIsAccepted(List<Integer> offered, boolean open) {
        assertThat(MethodNegotiation.choose(new Greeting(offered), List.of()))
                .isInstanceOf(open ? MethodNegotiation.Outcome.Open.class : MethodNegotiation.Outcome.Failed.class);
    }

    @Test
    void withAnAuthenticatorNoAuthenticationIsNeverAccepted() {
        assertThat(MethodNegotiation.choose(new Greeting(List.of(0)), List.of(PASSWORD)))
                .isInstanceOf(MethodNegotiation.Outcome.Failed.class);
    }

    @Test
    void theAdministratorsPreferenceWinsOverTheClientsOrder() {
        assertThat(MethodNegotiation.choose(new Greeting(List.of(1, 2, 0)), List.of(PASSWORD, GSSAPI)))
                .isEqualTo(new MethodNegotiation.Outcome.Chosen(PASSWORD));
        assertThat(MethodNegotiation.choose(new Greeting(List.of(2, 1)), List.of(GSSAPI, PASSWORD)))
                .isEqualTo(new MethodNegotiation.Outcome.Chosen(GSSAPI));
    }

    @Test
    void answersWithTheChosenMethod() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("02 00 02")), out, List.of(PASSWORD)))
                .isEqualTo(new MethodNegotiation.Outcome.Chosen(PASSWORD));
        assertThat(out.toByteArray()).isEqualTo(hex("05 02"));
    }

    @Test
    void agreesOnNoAuthenticationWhenNoneIsRequired() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("02 02 00")), out, List.of()))
                .isEqualTo(new MethodNegotiation.Outcome.Open());
        assertThat(out.toByteArray()).isEqualTo(hex("05 00"));
    }

    @Test
    void answersFfWhenNothingFits() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("01 00")), out, List.of(PASSWORD)))
                .isInstanceOf(MethodNegotiation.Outcome.Failed.class);
        assertThat(out.toByteArray()).isEqualTo(hex("05 ff"));
    }

    @Test
    void aTruncatedGreetingGetsNoAnswer() throws IOException {
        assertThat(negotiation.negotiate(PacedInputStream.whole(hex("03 02 00")), out, List.of()))
                .isEqualTo(new MethodNegotiation.Outcome.Failed("truncated greeting"));
        assertThat(out.toByteArray()).isEmpty();
    }
}
