package org.sockd.core.internal.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy stand-in on 127.0.0.1: it answers each connection with scripted bytes, each piece
 * written on its own so the dialer sees them split, then records what the dialer sent until it
 * closes. Told to end, it sends its end of stream after the answer. It counts the connections it
 * accepted.
 */
final class ScriptedProxy implements AutoCloseable {

    /** More than any test makes; the accept loop ends there, or when the proxy is closed. */
    private static final int MAX_ACCEPTS = 8;

    private final ServerSocketChannel server;
    private final List<byte[]> pieces;
    private final boolean endAfterAnswer;
    private final AtomicInteger accepts = new AtomicInteger();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();

    private ScriptedProxy(List<byte[]> pieces, boolean endAfterAnswer) throws IOException {
        this.pieces = pieces;
        this.endAfterAnswer = endAfterAnswer;
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Answers and then keeps the connection open, reading; with no pieces it never answers. */
    static ScriptedProxy answering(byte[]... pieces) throws IOException {
        return new ScriptedProxy(List.of(pieces), false);
    }

    /**
     * Answers (perhaps nothing) and ends its side: a clean end of stream, where closing with the
     * request unread would reset the connection instead.
     */
    static ScriptedProxy endingAfter(byte[]... pieces) throws IOException {
        return new ScriptedProxy(List.of(pieces), true);
    }

    /** @return the bytes, one piece per byte: the most split answer a socket can deliver */
    static byte[][] oneByOne(int... bytes) {
        byte[][] pieces = new byte[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            pieces[i] = new byte[] {(byte) bytes[i]};
        }
        return pieces;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    int port() {
        return server.socket().getLocalPort();
    }

    int accepts() {
        return accepts.get();
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    private void acceptLoop() {
        try {
            for (int i = 0; i < MAX_ACCEPTS; i++) {
                SocketChannel connection = server.accept();
                connections.add(connection);
                accepts.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(connection));
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            for (byte[] piece : pieces) {
                connection.write(ByteBuffer.wrap(piece));
            }
            if (endAfterAnswer) {
                connection.shutdownOutput();
            }
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (connection.read(buffer.clear()) > 0) {
                synchronized (received) {
                    received.write(buffer.array(), 0, buffer.position());
                }
            }
        } catch (IOException e) {
            // the dialer closed or reset: nothing more to record
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
    }
}
