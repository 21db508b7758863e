package org.sockd.protocol.internal;

import java.util.Arrays;

/** A toy protocol for testing the shared machinery: a count (at most 3), then that many bytes. */
final class LengthPrefixed implements Decoder<String> {

    @Override
    public int cap() {
        return 4;
    }

    @Override
    public Decoded<String> decode(byte[] buffer, int length) {
        if (length < 1) {
            return new Decoded.NeedMore<>(1);
        }
        int count = Wire.u8(buffer, 0);
        if (count > 3) {
            return new Decoded.Malformed<>(1, "too long");
        }
        if (length < 1 + count) {
            return new Decoded.NeedMore<>(1 + count - length);
        }
        return new Decoded.Done<>(Arrays.toString(Arrays.copyOfRange(buffer, 1, 1 + count)), 1 + count);
    }
}
