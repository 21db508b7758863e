package org.sockd.core.internal;

import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.sockd.api.log.EndReason;
import org.sockd.common.io.Closing;

/**
 * The relay engine {@code relay.engine = loops}: both connections are handed to a {@link RelayLoop},
 * whose thread reads each chunk into its own buffer and writes it on at once. Only what the far
 * side does not take at once is kept (in a buffer borrowed from the pool), and while it is kept
 * that direction reads no more, so a slow reader holds one buffer, not a growing queue. An idle
 * session holds no buffer and no thread: only its two registrations.
 */
final class LoopRelay implements Relay {

    private static final int CHUNKS_PER_TURN = 16;

    private final LiveSession session;
    private final RelayLoop loop;
    private final BufferPool pool;
    private Runnable whenDone;
    private volatile long fromClient;
    private volatile long fromTarget;
    // the rest is touched on the loop's thread only (start() hands them over through the loop's queue)
    private Side client;
    private Side target;
    private boolean finished;

    LoopRelay(LiveSession session, RelayLoop loop, BufferPool pool) {
        this.session = session;
        this.loop = loop;
        this.pool = pool;
    }

    @Override
    public void start(SocketChannel clientChannel, SocketChannel targetChannel, Runnable whenDone) {
        this.whenDone = whenDone;
        client = new Side(clientChannel);
        target = new Side(targetChannel);
        Direction up = new Direction(client, target, true);
        Direction down = new Direction(target, client, false);
        client.join(up, down);
        target.join(down, up);
        loop.execute(this::start);
        session.whenClosed(() -> loop.execute(this::closedElsewhere));
    }

    @Override
    public long fromClient() {
        return fromClient;
    }

    @Override
    public long fromTarget() {
        return fromTarget;
    }

    private void start() {
        if (finished) {
            return;
        }
        try {
            client.register();
            target.register();
        } catch (IOException e) {
            fail(e);
        } catch (ClosedSelectorException | IllegalBlockingModeException e) {
            fail(new IOException("relay loop unavailable", e));
        }
    }

    /** The session was closed by someone else, who recorded why. */
    private void closedElsewhere() {
        if (!finished) {
            finish();
        }
    }

    /** A reset, or any other error: ends both directions and closes both connections. */
    private void fail(IOException e) {
        if (finished) {
            return;
        }
        session.endByFailure(e);
        Closing.quietly(client.channel);
        Closing.quietly(target.channel);
        finish();
        session.close();
    }

    private void finish() {
        finished = true;
        client.leave();
        target.leave();
        // not on the loop's thread: what follows (the end's log lines, listeners) may block
        Thread.ofVirtual().name("sockd-session-end-" + session.id()).start(whenDone);
    }

    /** One connection: its registration reads for one direction and writes for the other. */
    private final class Side implements RelayLoop.Ready {

        final SocketChannel channel;
        private Direction out;
        private Direction in;
        private SelectionKey key;

        Side(SocketChannel channel) {
            this.channel = channel;
        }

        void join(Direction readFromHere, Direction writtenHere) {
            this.out = readFromHere;
            this.in = writtenHere;
        }

        void register() throws IOException {
            channel.configureBlocking(false);
            key = channel.register(loop.selector(), OP_READ, this);
        }

        @Override
        public void ready(int readyOps) {
            try {
                if ((readyOps & OP_WRITE) != 0) {
                    in.flush();
                }
                if (!finished && (readyOps & OP_READ) != 0) {
                    out.read();
                }
                if (!finished) {
                    client.interest();
                    target.interest();
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void abandon() {
            fail(new IOException("relay loop closed"));
        }

        void interest() {
            int ops = (out.reading() ? OP_READ : 0) | (in.pending != null ? OP_WRITE : 0);
            if (key != null && key.isValid() && key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }

        void leave() {
            if (key != null) {
                key.cancel();
            }
            in.release();
        }
    }

    /** Bytes flowing from one connection to the other. */
    private final class Direction {

        private final Side source;
        private final Side sink;
        private final boolean fromClientSide;
        private long moved;
        /** Read but not yet taken by the sink; while set, this direction reads no more. */
        private ByteBuffer pending;
        private boolean pooled;
        private boolean ended;
        private boolean shut;

        Direction(Side source, Side sink, boolean fromClientSide) {
            this.source = source;
            this.sink = sink;
            this.fromClientSide = fromClientSide;
        }

        boolean reading() {
            return !ended && pending == null;
        }

        /**
         * Reads and writes on until the source has nothing more, the sink takes no more, or a few
         * full chunks went by (so that one busy session cannot keep the loop from the others).
         */
        void read() throws IOException {
            for (int chunks = 0; chunks < CHUNKS_PER_TURN; chunks++) {
                ByteBuffer chunk = loop.chunk();
                int n = source.channel.read(chunk);
                if (n < 0) {
                    ended = true;
                    session.endBy(fromClientSide ? EndReason.CLIENT_CLOSED : EndReason.TARGET_CLOSED, null);
                    shutWhenFlushed();
                    return;
                }
                if (n == 0 || !moved(chunk, n) || n < chunk.capacity()) {
                    return;
                }
            }
        }

        /** @return whether the sink took all of it */
        private boolean moved(ByteBuffer chunk, int n) throws IOException {
            session.touch();
            moved += n;
            if (fromClientSide) {
                fromClient = moved;
            } else {
                fromTarget = moved;
            }
            chunk.flip();
            sink.channel.write(chunk);
            if (chunk.hasRemaining()) {
                keep(chunk);
                return false;
            }
            return true;
        }

        /** A large rest stays in the loop's buffer, which the loop trades for a pooled one; a small one is copied. */
        private void keep(ByteBuffer rest) {
            ByteBuffer fresh = rest.remaining() <= ThreadRelay.SMALL_BUFFER ? null : pool.borrow();
            pooled = fresh != null;
            pending = fresh != null ? loop.trade(fresh) : ByteBuffer.allocate(rest.remaining()).put(rest).flip();
        }

        void flush() throws IOException {
            if (pending == null) {
                return;
            }
            sink.channel.write(pending);
            if (!pending.hasRemaining()) {
                release();
                shutWhenFlushed();
            }
        }

        /** Passes the end of input on as a half-close once everything read before it is written. */
        private void shutWhenFlushed() throws IOException {
            if (!ended || pending != null || shut) {
                return;
            }
            shut = true;
            sink.channel.shutdownOutput();
            if (source.in.shut) {
                finish();
            }
        }

        void release() {
            if (pending != null && pooled) {
                pool.giveBack(pending);
            }
            pending = null;
            pooled = false;
        }
    }
}
