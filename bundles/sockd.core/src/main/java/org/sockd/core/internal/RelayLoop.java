package org.sockd.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform thread waiting on one selector for the sockets of many relays, and moving their
 * bytes itself: a chunk that arrives is read and written on by the thread the kernel woke, with no
 * hand-off to another thread. Relays are given to it whole, and everything about a relay's keys
 * happens on this thread.
 */
final class RelayLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayLoop.class);

    /** What a selection key is attached to. */
    interface Ready {
        /** Called on the loop's thread with the key's ready operations. */
        void ready(int readyOps);

        /** The loop is closing: end at once. */
        void abandon();
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** Each chunk is read into this and written on at once; only what the sink does not take is kept. */
    private ByteBuffer chunk;
    private volatile boolean open = true;

    RelayLoop(String name, int chunkSize) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the relay", e);
        }
        this.chunk = ByteBuffer.allocateDirect(chunkSize);
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    Selector selector() {
        return selector;
    }

    /** The loop's chunk buffer, cleared; only for use on the loop's thread, within one event. */
    ByteBuffer chunk() {
        return chunk.clear();
    }

    /**
     * Gives the chunk buffer away, with what it holds, and reads into {@code fresh} from now on:
     * what a sink did not take is kept without a copy. Only on the loop's thread.
     */
    ByteBuffer trade(ByteBuffer fresh) {
        ByteBuffer taken = chunk;
        chunk = fresh;
        return taken;
    }

    /** Runs {@code task} on the loop's thread, soon; on the caller's once the loop has ended. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
        if (!thread.isAlive()) {
            for (Runnable queued; (queued = tasks.poll()) != null; ) {
                run(queued);
            }
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        try {
            while (open) {
                selector.select(this::dispatch);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    run(task);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("relay loop {} failed; its relays end", thread.getName(), e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Ready ready) {
                    ready.abandon();
                }
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                run(task);
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing relay loop {}", thread.getName(), e);
            }
        }
    }

    private void dispatch(SelectionKey key) {
        if (key.attachment() instanceof Ready ready) {
            try {
                ready.ready(key.isValid() ? key.readyOps() : 0);
            } catch (RuntimeException e) {
                LOG.error("relay failed on {}; it ends", key.channel(), e);
                ready.abandon();
            }
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("relay task failed", e);
        }
    }

    /** Ends the loop; relays still on it end as if their connections failed. */
    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
