package org.sockd.core.internal.chain;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** An upstream's answer arriving one byte per read, the worst split a network can make. */
final class Trickle extends InputStream {

    private final ByteArrayInputStream bytes;

    Trickle(byte[] bytes) {
        this.bytes = new ByteArrayInputStream(bytes);
    }

    static Trickle of(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return new Trickle(raw);
    }

    @Override
    public int read() {
        return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return length == 0 ? 0 : bytes.read(buffer, offset, 1);
    }

    /** @return how many bytes were never read: what the relay would still get */
    int left() {
        return bytes.available();
    }
}
