package org.sockd.protocol.internal;

import java.io.InputStream;

/**
 * Hands out its bytes in small pieces, like a socket receiving many segments, and counts how
 * many it handed out.
 */
public final class PacedInputStream extends InputStream {

    private final byte[] data;
    private final int cut;
    private final int maxPerRead;
    private int position;

    private PacedInputStream(byte[] data, int cut, int maxPerRead) {
        this.data = data.clone();
        this.cut = cut;
        this.maxPerRead = maxPerRead;
    }

    /** @return a stream that returns one byte per read */
    public static PacedInputStream oneByteAtATime(byte[] data) {
        return new PacedInputStream(data, 0, 1);
    }

    /** @return a stream whose reads never cross {@code cut} */
    public static PacedInputStream splitAt(byte[] data, int cut) {
        return new PacedInputStream(data, cut, Integer.MAX_VALUE);
    }

    /** @return a stream that returns as much as asked for */
    public static PacedInputStream whole(byte[] data) {
        return new PacedInputStream(data, 0, Integer.MAX_VALUE);
    }

    /** @return how many bytes were read */
    public int consumed() {
        return position;
    }

    @Override
    public int read() {
        return position < data.length ? data[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == data.length) {
            return -1;
        }
        int limit = position < cut ? cut : data.length;
        int n = Math.min(Math.min(length, maxPerRead), limit - position);
        System.arraycopy(data, position, buffer, offset, n);
        position += n;
        return n;
    }
}
