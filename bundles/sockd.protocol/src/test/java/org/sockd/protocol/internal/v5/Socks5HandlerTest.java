package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.protocol.Handshake;
import org.sockd.protocol.internal.PacedInputStream;

class Socks5HandlerTest {

    private static final ClientInfo CLIENT = new ClientInfo(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 1080));
    private static final byte[] GREETING = hex("01 00");
    private static final byte[] ACCEPTED = hex("05 00");

    private final Socks5Handler handler = new Socks5Handler();

    /** Outcome of one handshake: the result, the bytes written, and the input left unread. */
    record Run(Handshake result, byte[] written, byte[] unread) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Run run && result.equals(run.result)
                    && Arrays.equals(written, run.written) && Arrays.equals(unread, run.unread);
        }

        @Override
        public int hashCode() {
            return result.hashCode();
        }
    }

    static Stream<Arguments> handshakes() {
        List<Arguments> all = new ArrayList<>();
        for (Socks5Cases.Valid c : Socks5Cases.valid()) {
            all.add(Arguments.of(c.name(), concat(GREETING, c.input()), new Handshake.Received(c.request())));
        }
        Socks5Cases.Valid first = Socks5Cases.valid().getFirst();
        all.add(Arguments.of("offers user/password too", concat(hex("02 02 00"), first.input()),
                new Handshake.Received(first.request())));
        return all.stream();
    }

    @Test
    void answersVersion5() {
        assertThat(handler.version()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handshakes")
    void everySegmentationGivesTheSameResultAndReplyBytes(String name, byte[] input, Handshake expected)
            throws IOException {
        Run whole = run(PacedInputStream.whole(input));

        assertThat(whole).isEqualTo(new Run(expected, ACCEPTED, new byte[0]));
        assertThat(run(PacedInputStream.oneByteAtATime(input))).isEqualTo(whole);
        for (int cut = 0; cut <= input.length; cut++) {
            assertThat(run(PacedInputStream.splitAt(input, cut))).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handshakes")
    void leavesTheClientsFirstDataInTheStream(String name, byte[] input, Handshake expected) throws IOException {
        byte[] data = hex("16 03 01 00 00");

        assertThat(run(PacedInputStream.oneByteAtATime(concat(input, data))))
                .isEqualTo(new Run(expected, ACCEPTED, data));
    }

    static List<Socks5Cases.Invalid> malformed() {
        return Socks5Cases.malformed();
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedRequestsWithTheirReply(Socks5Cases.Invalid c) throws IOException {
        Run run = run(PacedInputStream.oneByteAtATime(concat(GREETING, c.input())));

        assertThat(run.result()).isEqualTo(new Handshake.Rejected(c.reason()));
        assertThat(run.written()).isEqualTo(concat(ACCEPTED, hex("05"), new byte[] {(byte) c.rep()}, hex("00 01 00000000 0000")));
    }

    static List<byte[]> truncated() {
        return Socks5Cases.truncated();
    }

    @ParameterizedTest
    @MethodSource("truncated")
    void aTruncatedRequestIsRejectedWithoutReply(byte[] request) throws IOException {
        assertThat(run(PacedInputStream.whole(concat(GREETING, request))))
                .isEqualTo(new Run(new Handshake.Rejected("truncated request"), ACCEPTED, new byte[0]));
    }

    static Stream<Arguments> refusedGreetings() {
        return Stream.of(
                Arguments.of("zero methods", hex("00")),
                Arguments.of("only user/password", hex("01 02")),
                Arguments.of("only GSSAPI and private methods", hex("03 01 80 fe")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedGreetings")
    void answersFfAndReadsNoFurther(String name, byte[] greeting) throws IOException {
        byte[] request = Socks5Cases.valid().getFirst().input();

        Run run = run(PacedInputStream.whole(concat(greeting, request)));

        assertThat(run.result()).isInstanceOfSatisfying(Handshake.Rejected.class, rejected ->
                assertThat(rejected.message()).startsWith("no acceptable authentication method"));
        assertThat(run.written()).isEqualTo(hex("05 ff"));
        assertThat(run.unread()).isEqualTo(request);
    }

    @Test
    void aTruncatedGreetingIsRejectedWithoutReply() throws IOException {
        assertThat(run(PacedInputStream.whole(hex("02 00"))))
                .isEqualTo(new Run(new Handshake.Rejected("truncated greeting"), new byte[0], new byte[0]));
    }

    private Run run(PacedInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Handshake result = handler.handshake(in, out, CLIENT, List.of());
        return new Run(result, out.toByteArray(), in.readAllBytes());
    }
}
