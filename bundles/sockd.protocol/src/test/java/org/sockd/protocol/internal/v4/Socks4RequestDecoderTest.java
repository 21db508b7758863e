package org.sockd.protocol.internal.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;
import static org.sockd.protocol.internal.Bytes.repeat;

import java.util.Arrays;
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

class Socks4RequestDecoderTest {

    private final Socks4RequestDecoder decoder = new Socks4RequestDecoder();

    static List<Socks4Cases.Valid> valid() {
        return Socks4Cases.valid();
    }

    static List<Socks4Cases.Invalid> malformed() {
        return Socks4Cases.malformed();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void decodesEveryValidFormInAnySplit(Socks4Cases.Valid c) {
        Decoded<SocksRequest> expected = new Decoded.Done<>(c.request(), c.input().length);

        assertThat(Feeding.whole(decoder, c.input())).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, c.input())).containsOnly(expected);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void bytesAfterTheRequestAreNotConsumed(Socks4Cases.Valid c) {
        byte[] withData = concat(c.input(), hex("47 45 54 00 00"));

        assertThat(Feeding.everySplit(decoder, withData))
                .containsOnly(new Decoded.Done<>(c.request(), c.input().length));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedRequestsWith91InAnySplit(Socks4Cases.Invalid c) {
        Decoded<SocksRequest> expected = new Decoded.Malformed<>(91, c.reason());

        assertThat(Feeding.whole(decoder, c.input())).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, c.input())).containsOnly(expected);
    }

    static Stream<Arguments> incomplete() {
        return Stream.of(
                Arguments.of("nothing", new byte[0], 7),
                Arguments.of("part of the header", hex("01 0050"), 4),
                Arguments.of("user-id without NUL", hex("01 0050 01020304 6672"), 1),
                Arguments.of("255 bytes of user-id without NUL", concat(hex("01 0050 01020304"), repeat('u', 255)), 1),
                Arguments.of("4A marker without host", hex("01 0050 00000001 00"), 1),
                Arguments.of("4A host without NUL", hex("01 0050 00000001 00 6162"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incomplete")
    void asksOnlyForBytesTheRequestCertainlyHas(String name, byte[] input, int atLeast) {
        assertThat(Feeding.whole(decoder, input)).isEqualTo(new Decoded.NeedMore<SocksRequest>(atLeast));
    }

    @Test
    void aUserIdWithoutNulIsRejectedAtTheCapWithoutWaiting() {
        byte[] input = concat(hex("01 0050 01020304"), repeat('u', 256));

        assertThat(Feeding.whole(decoder, input)).isInstanceOf(Decoded.Malformed.class);
        assertThat(Feeding.whole(decoder, Arrays.copyOf(input, input.length - 1)))
                .isInstanceOf(Decoded.NeedMore.class);
    }

    @Test
    void decidesWithinTheCapWhateverTheBytes() {
        Random random = new Random(4);
        for (int i = 0; i < 2_000; i++) {
            byte[] input = randomRequest(random);

            Decoded<SocksRequest> result = Feeding.whole(decoder, input);

            assertThat(result).isNotInstanceOf(Decoded.NeedMore.class);
            if (result instanceof Decoded.Done<SocksRequest> done) {
                assertThat(done.consumed()).isLessThanOrEqualTo(decoder.cap());
            }
        }
    }

    /** Mostly valid commands, often 4A, with few NULs so long fields are common. */
    private byte[] randomRequest(Random random) {
        byte[] input = new byte[decoder.cap()];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextInt(150) == 0 ? 0 : (byte) (1 + random.nextInt(255));
        }
        input[0] = (byte) (1 + random.nextInt(3));
        if (random.nextBoolean()) {
            input[3] = input[4] = input[5] = 0;
        }
        return input;
    }
}
