package org.sockd.core.internal.chain;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * An upstream's answer as a stream with one deadline for all of it: a per-read timeout alone would
 * let an upstream that drips one byte at a time hold the request for ever.
 */
final class HopInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    /** The channel must be in blocking mode; reading through its socket is what honours a timeout. */
    HopInput(SocketChannel channel, Duration timeout) throws IOException {
        this.socket = channel.socket();
        this.in = socket.getInputStream();
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer in time");
        }
        socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
        return in.read(buffer, offset, length);
    }

    /** Closing the socket's stream would close the channel, which the relay still needs. */
    @Override
    public void close() {
        // the channel's owner closes it
    }

    /**
     * Reads exactly {@code count} bytes, however the upstream splits them.
     *
     * @throws EOFException when the upstream closes first
     */
    static byte[] exactly(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException("closed after " + bytes.length + " of " + count + " bytes");
        }
        return bytes;
    }
}
