package org.sockd.protocol.internal.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.concat;
import static org.sockd.protocol.internal.Bytes.hex;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sockd.protocol.internal.Decoded;
import org.sockd.protocol.internal.Feeding;

class GreetingDecoderTest {

    private final GreetingDecoder decoder = new GreetingDecoder();

    static Stream<Arguments> greetings() {
        return Stream.of(
                Arguments.of("no authentication", hex("01 00"), List.of(0)),
                Arguments.of("three methods in client order", hex("03 02 00 80"), List.of(2, 0, 128)),
                Arguments.of("zero methods", hex("00"), List.of()),
                Arguments.of("255 methods, count unsigned", concat(hex("ff"), allMethods()),
                        IntStream.range(0, 255).boxed().toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greetings")
    void decodesInAnySplitAndLeavesWhatFollows(String name, byte[] input, List<Integer> methods) {
        Decoded<Greeting> expected = new Decoded.Done<>(new Greeting(methods), input.length);

        assertThat(Feeding.whole(decoder, input)).isEqualTo(expected);
        assertThat(Feeding.everySplit(decoder, concat(input, hex("05 01 00 01")))).containsOnly(expected);
    }

    @Test
    void asksForTheCountThenForTheMethods() {
        assertThat(Feeding.whole(decoder, new byte[0])).isEqualTo(new Decoded.NeedMore<Greeting>(1));
        assertThat(Feeding.whole(decoder, hex("03 02"))).isEqualTo(new Decoded.NeedMore<Greeting>(2));
    }

    @Test
    void aFullCapIsAlwaysDecided() {
        assertThat(Feeding.whole(decoder, concat(hex("ff"), allMethods())))
                .isInstanceOf(Decoded.Done.class);
        assertThat(decoder.cap()).isEqualTo(256);
    }

    private static byte[] allMethods() {
        byte[] methods = new byte[255];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = (byte) i;
        }
        return methods;
    }
}
