package org.sockd.protocol.internal;

/**
 * Decodes one protocol message from the bytes received so far. Implementations are pure and keep
 * no state: the answer depends only on the bytes, so any split of the input gives the same result.
 *
 * @param <T> the decoded message
 */
public interface Decoder<T> {

    /**
     * @return the most bytes the message can span; a decoder must answer {@code Done} or
     *         {@code Malformed} once it has this many, so a buffer of this size always suffices
     */
    int cap();

    /**
     * @param buffer the bytes received, starting at the first byte of the message
     * @param length how many bytes of {@code buffer} are valid
     * @return the outcome; {@code NeedMore} never asks for bytes past the end of the message
     */
    Decoded<T> decode(byte[] buffer, int length);
}
