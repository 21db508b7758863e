package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Feeding;

class Socks5RequestDecoderTest {

    private final Socks5RequestDecoder decoder = new Socks5RequestDecoder();

    static List<Socks5Cases.Valid> valid() {
        return Socks5Cases.valid();
    }

    static List<Socks5Cases.Invalid> malformed() {
        return Socks5Cases.malformed();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void decodesEveryValidFormInAnySplit(Socks5Cases.Valid c) {
        Decoded<SocksRequest> expected = new Decoded.Done<>(c.request(), c.input().length);

        assertThat(Feeding.whole(decoder, c.input())).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, c.input())).containsOnly(expected);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void bytesAfterTheRequestAreNotConsumed(Socks5Cases.Valid c) {
        assertThat(Feeding.everySplit(decoder, concat(c.input(), hex("47 45 54 00"))))
                .containsOnly(new Decoded.Done<>(c.request(), c.input().length));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedRequestsWithTheirReplyCodeInAnySplit(Socks5Cases.Invalid c) {
        Decoded<SocksRequest> expected = new Decoded.Malformed<>(c.rep(), c.reason());

        assertThat(Feeding.whole(decoder, c.input())).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, c.input())).containsOnly(expected);
    }

    @Test
    void ipv6StaysIpv6AndMappedIpv4IsUnwrapped() {
        assertThat(address("05 01 00 04 20010db8000000000000000000000001 0050")).isInstanceOf(Inet6Address.class);
        assertThat(address("05 01 00 04 00000000000000000000ffff01020304 0050")).isInstanceOf(Inet4Address.class);
    }

    static Stream<Arguments> incomplete() {
        return Stream.of(
                Arguments.of("nothing", new byte[0], 4),
                Arguments.of("VER CMD", hex("05 01"), 2),
                Arguments.of("IPv4 header", hex("05 01 00 01"), 6),
                Arguments.of("IPv6 header", hex("05 01 00 04"), 18),
                Arguments.of("domain header", hex("05 01 00 03"), 1),
                Arguments.of("domain length", hex("05 01 00 03 0b"), 13),
                Arguments.of("port cut", hex("05 01 00 01 01020304 00"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incomplete")
    void asksOnlyForBytesTheRequestCertainlyHas(String name, byte[] input, int atLeast) {
        assertThat(Feeding.whole(decoder, input)).isEqualTo(new Decoded.NeedMore<SocksRequest>(atLeast));
    }

    @Test
    void decidesWithinTheCapWhateverTheBytes() {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] input = new byte[decoder.cap()];
            random.nextBytes(input);
            input[0] = 5;
            input[1] = (byte) (1 + random.nextInt(3));
            input[2] = 0;
            input[3] = (byte) (1 + random.nextInt(4));

            Decoded<SocksRequest> result = Feeding.whole(decoder, input);

            assertThat(result).isNotInstanceOf(Decoded.NeedMore.class);
            if (result instanceof Decoded.Done<SocksRequest> done) {
                assertThat(done.consumed()).isLessThanOrEqualTo(decoder.cap());
            }
        }
    }

    private InetAddress address(String hex) {
        return ((Decoded.Done<SocksRequest>) Feeding.whole(decoder, hex(hex))).message().destination().address();
    }
}
