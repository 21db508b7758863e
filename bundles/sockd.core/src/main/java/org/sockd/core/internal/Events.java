package org.sockd.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionInfo;
import org.sockd.api.log.SessionListener;

/**
 * Hands session events to the listeners of one session; a failing listener harms nobody else.
 * The events also tell the core's {@link Tally} how the session went, counted once at its end.
 */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final String UNKNOWN = "unknown";

    private final List<SessionListener> listeners;
    private final Tally tally;
    private volatile String version = UNKNOWN;
    private volatile String command = UNKNOWN;
    private volatile boolean granted;
    private volatile boolean refused;
    private volatile boolean failed;
    private volatile boolean protocolError;

    Events(List<SessionListener> listeners, Tally tally) {
        this.listeners = listeners;
        this.tally = tally;
    }

    void emit(SessionEvent event) {
        count(event);
        for (SessionListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("session listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
            }
        }
    }

    /** The protocol the client chose by its first byte, before a request tells the exact version. */
    void spoke(int socksVersion) {
        version = String.valueOf(socksVersion);
    }

    /** A SOCKS 5 client's credentials were not accepted: the session is refused. */
    void authenticationFailed() {
        tally.authFailed();
        refused = true;
    }

    /** Counts the session once, by how it went: granted, refused, failed, a protocol error, or closed unasked. */
    void sessionEnded() {
        String result = granted ? "granted" : refused ? "refused" : failed ? "failed"
                : protocolError ? "protocol_error" : "closed";
        tally.ended(version, command, result);
    }

    private void count(SessionEvent event) {
        switch (event) {
            case SessionEvent.Refused refusal -> {
                request(refusal.session());
                refused = true;
            }
            case SessionEvent.Failed failure -> {
                request(failure.session());
                failed = true;
            }
            case SessionEvent.TimedOut timeout -> {
                request(timeout.session());
                failed = true;
            }
            case SessionEvent.Connected connected -> {
                request(connected.session());
                tally.connected(Duration.between(connected.session().started(), Instant.now()));
            }
            case SessionEvent.Ended end -> {
                request(end.session());
                granted = true;
            }
            case SessionEvent.ProtocolError error -> protocolError = true;
            default -> { }
        }
    }

    private void request(SessionInfo session) {
        version = switch (session.request().version()) {
            case SOCKS4 -> "4";
            case SOCKS4A -> "4a";
            case SOCKS5 -> "5";
        };
        command = session.request().command().classicName();
    }
}
