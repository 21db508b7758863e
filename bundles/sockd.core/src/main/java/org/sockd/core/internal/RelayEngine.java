package org.sockd.core.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the relay of each granted session with the engine that {@code relay.engine} names. A
 * changed engine applies to sessions granted from then on; the loops are started the first time
 * they are needed and stay until the core stops.
 */
final class RelayEngine implements AutoCloseable {

    /** The engines, by their name in the configuration. */
    enum Kind {
        /** {@link LoopRelay}: one selector thread per core moves every session's bytes. */
        LOOPS,
        /** {@link ThreadRelay}: two virtual threads per session, each blocking on a read. */
        THREADS;

        /** @throws IllegalArgumentException naming the values allowed */
        static Kind of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("relay.engine must be loops or threads, not '" + name + "'");
            }
        }
    }

    private final BufferPool pool;
    private final int loopCount;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Kind kind;
    private RelayLoop[] loops;

    /** @param loopCount how many loops the {@code loops} engine runs */
    RelayEngine(Kind kind, BufferPool pool, int loopCount) {
        this.kind = kind;
        this.pool = pool;
        this.loopCount = loopCount;
    }

    void kind(Kind kind) {
        this.kind = kind;
    }

    Relay relay(LiveSession session) {
        return switch (kind) {
            case THREADS -> new ThreadRelay(session, pool);
            case LOOPS -> new LoopRelay(session, nextLoop(), pool);
        };
    }

    BufferPool pool() {
        return pool;
    }

    private RelayLoop nextLoop() {
        RelayLoop[] started = loops();
        // a loop reads into a buffer of the pool's size, so that a rest it keeps always fits a pooled one
        return started[Math.floorMod(next.getAndIncrement(), started.length)];
    }

    private synchronized RelayLoop[] loops() {
        if (loops == null) {
            loops = new RelayLoop[loopCount];
            for (int i = 0; i < loopCount; i++) {
                loops[i] = new RelayLoop("sockd-relay-loop-" + i, pool.size());
            }
        }
        return loops;
    }

    @Override
    public synchronized void close() {
        if (loops != null) {
            for (RelayLoop loop : loops) {
                loop.close();
            }
        }
    }
}
