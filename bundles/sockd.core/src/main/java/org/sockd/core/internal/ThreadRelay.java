package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.sockd.api.log.EndReason;
import org.sockd.common.io.Closing;

/**
 * The relay engine {@code relay.engine = threads}: a virtual thread per direction, each blocking on
 * its read. Simple, but every chunk is handed from the JDK's poller to a carrier thread, and each
 * idle session keeps two parked threads.
 */
final class ThreadRelay implements Relay {

    /** Held by each direction for its whole life: enough for interactive traffic. */
    static final int SMALL_BUFFER = 512;

    private final LiveSession session;
    private final BufferPool pool;
    private volatile long fromClient;
    private volatile long fromTarget;

    ThreadRelay(LiveSession session, BufferPool pool) {
        this.session = session;
        this.pool = pool;
    }

    /** A virtual thread per direction; the one that finishes last runs {@code whenDone}. */
    @Override
    public void start(SocketChannel client, SocketChannel target, Runnable whenDone) {
        AtomicInteger running = new AtomicInteger(2);
        Thread.ofVirtual().name("sockd-relay-" + session.id()).start(() -> {
            pump(client, target, true);
            if (running.decrementAndGet() == 0) {
                whenDone.run();
            }
        });
        Thread.ofVirtual().name("sockd-relay-" + session.id()).start(() -> {
            pump(target, client, false);
            if (running.decrementAndGet() == 0) {
                whenDone.run();
            }
        });
    }

    @Override
    public long fromClient() {
        return fromClient;
    }

    @Override
    public long fromTarget() {
        return fromTarget;
    }

    private void pump(SocketChannel from, SocketChannel to, boolean clientSide) {
        ByteBuffer small = ByteBuffer.allocate(SMALL_BUFFER);
        long moved = 0;
        boolean flowing = false;
        boolean ended = false;
        try {
            InputStream waiting = from.socket().getInputStream();
            while (true) {
                // Borrow only when bytes are already waiting, so that no large buffer is held
                // while this direction blocks on an idle peer.
                ByteBuffer large = flowing && waiting.available() > 0 ? pool.borrow() : null;
                ByteBuffer buffer = large != null ? large : small;
                try {
                    int n = from.read(buffer);
                    if (n < 0) {
                        session.endBy(clientSide ? EndReason.CLIENT_CLOSED : EndReason.TARGET_CLOSED, null);
                        to.shutdownOutput();
                        ended = true;
                        return;
                    }
                    session.touch();
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    moved += n;
                    publish(clientSide, moved);
                    flowing = n == buffer.capacity();
                } finally {
                    if (large != null) {
                        pool.giveBack(large);
                    } else {
                        small.clear();
                    }
                }
            }
        } catch (IOException e) {
            // a reset, or the session was closed (its cause is recorded already): the finally ends both directions
            session.endByFailure(e);
        } finally {
            if (!ended) {
                Closing.quietly(from);
                Closing.quietly(to);
                session.close();
            }
        }
    }

    private void publish(boolean clientSide, long moved) {
        if (clientSide) {
            fromClient = moved;
        } else {
            fromTarget = moved;
        }
    }
}
