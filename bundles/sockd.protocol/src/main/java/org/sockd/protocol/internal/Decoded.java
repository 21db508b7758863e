package org.sockd.protocol.internal;

import java.util.Objects;

/**
 * What a {@link Decoder} makes of the bytes received so far.
 *
 * @param <T> the decoded message
 */
public sealed interface Decoded<T> {

    /**
     * The message is incomplete.
     *
     * @param atLeast how many more bytes the message certainly has, so a reader may ask for exactly
     *        that many without taking bytes that follow the message
     */
    record NeedMore<T>(int atLeast) implements Decoded<T> {
        public NeedMore {
            if (atLeast < 1) {
                throw new IllegalArgumentException("atLeast must be positive: " + atLeast);
            }
        }
    }

    /**
     * A complete message.
     *
     * @param message the message
     * @param consumed how many bytes it took; anything after them belongs to the next stage
     */
    record Done<T>(T message, int consumed) implements Decoded<T> {
        public Done {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The bytes cannot be a valid message.
     *
     * @param replyCode the wire code of the error reply the protocol prescribes
     * @param reason what was wrong, for the log
     */
    record Malformed<T>(int replyCode, String reason) implements Decoded<T> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
