package org.sockd.api.admin;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;

/**
 * One live session at one moment.
 *
 * @param id the session id, as in the log
 * @param client the client's address
 * @param user the authenticated user, else the user-id the client claimed, else the empty string
 * @param ident the user identd named, or {@code null} when none was asked or none answered
 * @param command what the client asked for, or {@code null} while the request is still being read
 * @param destination where to, or {@code null} while the request is still being read
 * @param state where the session is
 * @param started when the client connected
 * @param fromClient bytes relayed from the client so far
 * @param fromTarget bytes relayed to the client so far
 * @param connected the address actually connected to (for BIND, the host that connected in), or
 *        {@code null} until then and for a UDP association
 */
public record SessionSnapshot(long id, InetSocketAddress client, String user, String ident, Command command,
        Endpoint destination, SessionState state, Instant started, long fromClient, long fromTarget,
        InetSocketAddress connected) {
    public SessionSnapshot {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
    }

    /** A session not connected to any address (yet). */
    public SessionSnapshot(long id, InetSocketAddress client, String user, String ident, Command command,
            Endpoint destination, SessionState state, Instant started, long fromClient, long fromTarget) {
        this(id, client, user, ident, command, destination, state, started, fromClient, fromTarget, null);
    }
}
