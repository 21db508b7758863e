package org.sockd.protocol.internal;

import java.util.ArrayList;
import java.util.List;

/** Feeds a decoder the same input in different splits. */
public final class Feeding {

    private Feeding() {
    }

    public static <T> Decoded<T> whole(Decoder<T> decoder, byte[] input) {
        return new Accumulator<>(decoder).feed(input, 0, input.length);
    }

    public static <T> Decoded<T> splitAt(Decoder<T> decoder, byte[] input, int cut) {
        Accumulator<T> accumulator = new Accumulator<>(decoder);
        accumulator.feed(input, 0, cut);
        return accumulator.feed(input, cut, input.length - cut);
    }

    public static <T> Decoded<T> oneByteAtATime(Decoder<T> decoder, byte[] input) {
        Accumulator<T> accumulator = new Accumulator<>(decoder);
        Decoded<T> result = accumulator.result();
        for (int i = 0; i < input.length; i++) {
            result = accumulator.feed(input, i, 1);
        }
        return result;
    }

    /** @return the result of every two-part split, then of one byte at a time */
    public static <T> List<Decoded<T>> everySplit(Decoder<T> decoder, byte[] input) {
        List<Decoded<T>> results = new ArrayList<>();
        for (int cut = 0; cut <= input.length; cut++) {
            results.add(splitAt(decoder, input, cut));
        }
        results.add(oneByteAtATime(decoder, input));
        return results;
    }
}
