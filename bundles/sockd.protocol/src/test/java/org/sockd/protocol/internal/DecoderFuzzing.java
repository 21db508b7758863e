package org.sockd.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The oracle of every decoder's fuzz target. The input is fed whole, in chunks whose sizes come
 * from the fuzzer, and through {@link MessageReader}; any exception is a finding, and so is any
 * difference between the three, a request for bytes past the cap, or a read past the message.
 */
public final class DecoderFuzzing {

    private DecoderFuzzing() {
    }

    /** Message bytes from the front of the input, chunk sizes from its back (one byte each when it runs out). */
    public static <T> void check(Decoder<T> decoder, FuzzedDataProvider data) {
        // One byte past the cap shows that whatever follows a full buffer is never looked at.
        byte[] input = data.consumeBytes(decoder.cap() + 1);
        Decoded<T> whole = Feeding.whole(decoder, input);
        assertThat(inChunks(decoder, input, data)).isEqualTo(whole);
        assertThat(readFromStream(decoder, input, whole)).isEqualTo(whole);
    }

    private static <T> Decoded<T> inChunks(Decoder<T> decoder, byte[] input, FuzzedDataProvider data) {
        Accumulator<T> accumulator = new Accumulator<>(decoder);
        Decoded<T> result = accumulator.result();
        int fed = 0;
        while (fed < input.length) {
            int size = data.consumeInt(1, input.length - fed);
            result = accumulator.feed(input, fed, size);
            fed += size;
            assertDecidedWithinCap(decoder, Math.min(fed, decoder.cap()), result);
        }
        return result;
    }

    /** The reader asks for exactly what the decoder needs, so it must leave every byte after the message. */
    private static <T> Decoded<T> readFromStream(Decoder<T> decoder, byte[] input, Decoded<T> whole) {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        try {
            Decoded<T> read = MessageReader.read(in, decoder);
            if (whole instanceof Decoded.Done<T> done) {
                assertThat(in.available()).as("bytes left after the message").isEqualTo(input.length - done.consumed());
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void assertDecidedWithinCap(Decoder<T> decoder, int buffered, Decoded<T> result) {
        switch (result) {
            case Decoded.NeedMore<T>(int atLeast) ->
                    assertThat(buffered + atLeast).as("bytes asked for in all").isLessThanOrEqualTo(decoder.cap());
            case Decoded.Done<T> done -> assertThat(done.consumed()).isBetween(1, buffered);
            case Decoded.Malformed<T> malformed -> { }
        }
    }
}
