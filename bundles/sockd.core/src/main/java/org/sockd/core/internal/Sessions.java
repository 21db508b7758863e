package org.sockd.core.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The table of live sessions: numbering, the session cap, expiry and closing them all. */
final class Sessions {

    private final ConcurrentHashMap<Long, LiveSession> live = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    long nextId() {
        return nextId.getAndIncrement();
    }

    void add(LiveSession session) {
        live.put(session.id(), session);
    }

    void remove(LiveSession session) {
        live.remove(session.id());
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
