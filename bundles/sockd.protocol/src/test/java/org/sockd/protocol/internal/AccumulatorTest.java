package org.sockd.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.protocol.internal.Bytes.hex;

import org.junit.jupiter.api.Test;

class AccumulatorTest {

    private final Accumulator<String> accumulator = new Accumulator<>(new LengthPrefixed());

    @Test
    void anEmptyBufferAsksForTheFirstByte() {
        assertThat(accumulator.result()).isEqualTo(new Decoded.NeedMore<String>(1));
    }

    @Test
    void feedsAddUp() {
        assertThat(accumulator.feed(hex("03 0a"), 0, 2)).isEqualTo(new Decoded.NeedMore<String>(2));
        assertThat(accumulator.feed(hex("ff 0b 0c ff"), 1, 2)).isEqualTo(new Decoded.Done<>("[10, 11, 12]", 4));
    }

    @Test
    void bytesPastTheCapAreDroppedWithoutChangingTheResult() {
        byte[] input = hex("03 01 02 03 04 05 06 07 08");

        assertThat(accumulator.feed(input, 0, input.length)).isEqualTo(new Decoded.Done<>("[1, 2, 3]", 4));
        assertThat(accumulator.feed(input, 0, input.length)).isEqualTo(new Decoded.Done<>("[1, 2, 3]", 4));
    }

    @Test
    void aMalformedMessageStaysMalformed() {
        assertThat(accumulator.feed(hex("09"), 0, 1)).isEqualTo(new Decoded.Malformed<String>(1, "too long"));
        assertThat(accumulator.feed(hex("00"), 0, 1)).isEqualTo(new Decoded.Malformed<String>(1, "too long"));
    }
}
