package org.sockd.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connected TCP pairs on 127.0.0.1 for tests, closed together at the end. Each pair is one
 * connection: the {@code peer} plays the client or the destination, {@code proxy} is the daemon's
 * end of the same connection.
 */
public final class Loopback implements AutoCloseable {

    /** The longest any single read in a test may take. */
    static final Duration WAIT = Duration.ofSeconds(3);

    record Pair(SocketChannel peer, SocketChannel proxy) {
    }

    private final ServerSocketChannel server;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    Loopback() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        opened.add(server);
    }

    Pair pair() throws IOException {
        SocketChannel peer = SocketChannel.open(server.getLocalAddress());
        opened.add(peer);
        SocketChannel proxy = server.accept();
        opened.add(proxy);
        return new Pair(peer, proxy);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already gone
            }
        }
    }

    public static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static void writeAll(SocketChannel channel, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * @throws EOFException when the stream ends before {@code size} bytes came
     * @throws AssertionError when they do not come within {@link #WAIT} (the channel is then closed)
     */
    static byte[] readExactly(SocketChannel channel, int size) throws IOException {
        return bounded(channel, () -> {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new EOFException("end of stream after " + buffer.position() + " of " + size + " bytes");
                }
            }
            return buffer.array();
        });
    }

    /**
     * @return true when the next read sees end of stream, false when it sees a byte
     * @throws AssertionError when neither comes within {@link #WAIT} (the channel is then closed)
     */
    static boolean atEnd(SocketChannel channel) throws IOException {
        return bounded(channel, () -> channel.read(ByteBuffer.allocate(1)) < 0);
    }

    /** Runs a blocking read with a deadline: a blocking SocketChannel has no read timeout of its own. */
    private static <T> T bounded(SocketChannel channel, Callable<T> read) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(read.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            channel.close();
            throw new AssertionError("read did not finish within " + WAIT);
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new AssertionError(e.getCause());
        }
    }

    /** Closes with SO_LINGER 0, so the other end gets a reset instead of an end of stream. */
    static void reset(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        channel.close();
    }
}
