package org.sockd.protocol.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads one message from a stream without taking any byte that follows it. */
public final class MessageReader {

    private MessageReader() {
    }

    /**
     * Reads exactly as many bytes as the decoder still needs at each step, so data a client sends
     * right after its request stays in the stream for the relay.
     *
     * @return {@code Done} or {@code Malformed}; {@code NeedMore} means the stream ended first
     * @throws IOException when reading fails
     */
    public static <T> Decoded<T> read(InputStream in, Decoder<T> decoder) throws IOException {
        Accumulator<T> accumulator = new Accumulator<>(decoder);
        Decoded<T> result = accumulator.result();
        while (result instanceof Decoded.NeedMore<T>(int atLeast)) {
            byte[] chunk = in.readNBytes(atLeast);
            if (chunk.length == 0) {
                return result;
            }
            result = accumulator.feed(chunk, 0, chunk.length);
        }
        return result;
    }
}
