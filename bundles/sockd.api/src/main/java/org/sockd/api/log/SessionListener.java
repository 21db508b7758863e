package org.sockd.api.log;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of every client session: audit logs, statistics, alerts. The core calls
 * every registered listener, in the session's own thread, in the order the events happen.
 */
@ConsumerType
public interface SessionListener {

    /**
     * Called for each event. Must return quickly; slow work (name lookups, writing to disk)
     * belongs on the listener's own thread. Exceptions are logged by the core and otherwise
     * ignored.
     *
     * @param event the event, never {@code null}
     */
    void onEvent(SessionEvent event);
}
