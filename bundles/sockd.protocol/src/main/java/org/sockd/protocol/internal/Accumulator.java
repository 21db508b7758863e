package org.sockd.protocol.internal;

/**
 * Collects the bytes of one message in a buffer bounded by the decoder's cap and decodes them as
 * they arrive.
 *
 * @param <T> the decoded message
 */
public final class Accumulator<T> {

    private final Decoder<T> decoder;
    private final byte[] buffer;
    private int length;

    public Accumulator(Decoder<T> decoder) {
        this.decoder = decoder;
        this.buffer = new byte[decoder.cap()];
    }

    /** @return the outcome for the bytes fed so far */
    public Decoded<T> result() {
        return decoder.decode(buffer, length);
    }

    /**
     * Appends bytes and decodes again. Bytes past the cap are dropped: the decoder has decided
     * before the cap, so they can only belong to whatever follows the message.
     */
    public Decoded<T> feed(byte[] bytes, int offset, int count) {
        int kept = Math.min(count, buffer.length - length);
        System.arraycopy(bytes, offset, buffer, length, kept);
        length += kept;
        return result();
    }
}
