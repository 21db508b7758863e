package org.sockd.api.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * A further proxy server a request may go through. Its {@link #toString()} never shows a password.
 *
 * @param name the name the configuration gives it: a declared upstream's name, or a classic
 *        server-list entry as written; logs say {@code sockd at <name> (<address>:<port>)}
 * @param protocol what to speak to it
 * @param host its host name or address literal (IPv6 without brackets), resolved at each use
 * @param port its TCP port
 * @param resolve where destination names are resolved when going through it
 * @param userId the SOCKS 4 USERID to send, or {@code null} to send the request's user
 * @param auth how to log in to it
 * @param login the name and password for {@link UpstreamAuth#PASSWORD}, else {@code null}
 * @param connectTimeout how long one TCP connect to one of its addresses may take
 */
public record Upstream(String name, UpstreamProtocol protocol, String host, int port, NameResolution resolve,
        String userId, UpstreamAuth auth, Login login, Duration connectTimeout) {

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(resolve, "resolve");
        Objects.requireNonNull(auth, "auth");
        if ((auth == UpstreamAuth.PASSWORD) != (login != null)) {
            throw new IllegalArgumentException("a login is given exactly when auth is PASSWORD");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** @return {@code host:port}, an IPv6 host in brackets, as logs and URLs write it */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
