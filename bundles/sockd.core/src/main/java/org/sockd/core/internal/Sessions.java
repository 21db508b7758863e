package org.sockd.core.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The table of live sessions: numbering, the session cap, expiry and closing them all. */
final class Sessions {

    private final ConcurrentHashMap<Long, LiveSession> live = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong endedFromClients = new AtomicLong();
    private final AtomicLong endedFromTargets = new AtomicLong();

    long nextId() {
        return nextId.getAndIncrement();
    }

    void add(LiveSession session) {
        live.put(session.id(), session);
    }

    void remove(LiveSession session) {
        if (live.remove(session.id()) != null) {
            endedFromClients.addAndGet(session.traffic().fromClient());
            endedFromTargets.addAndGet(session.traffic().fromTarget());
        }
    }

    LiveSession get(long id) {
        return live.get(id);
    }

    /** @return sessions numbered so far */
    long numbered() {
        return nextId.get() - 1;
    }

    /** @return bytes from clients and from targets, of ended and live sessions */
    long[] bytesMoved() {
        long fromClients = endedFromClients.get();
        long fromTargets = endedFromTargets.get();
        for (LiveSession session : live.values()) {
            fromClients += session.traffic().fromClient();
            fromTargets += session.traffic().fromTarget();
        }
        return new long[] {fromClients, fromTargets};
    }

    int size() {
        return live.size();
    }

    /** Closes every session whose deadline has passed. */
    void sweep(long now) {
        for (LiveSession session : live.values()) {
            if (session.isPastDeadline(now)) {
                session.expire();
            }
        }
    }

    Collection<LiveSession> all() {
        return live.values();
    }
}
