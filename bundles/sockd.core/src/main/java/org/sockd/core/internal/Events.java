package org.sockd.core.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionListener;

/** Hands session events to the listeners of one session; a failing listener harms nobody else. */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<SessionListener> listeners;

    Events(List<SessionListener> listeners) {
        this.listeners = listeners;
    }

    void emit(SessionEvent event) {
        for (SessionListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("session listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }
}
