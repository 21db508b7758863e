package org.sockd.core.internal.chain;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.sockd.api.Command;
import org.sockd.api.upstream.Login;

/**
 * What to ask the upstreams for. Its {@link #toString()} shows no password ({@link Login} hides it).
 *
 * @param command CONNECT, or BIND (whose destination is the application server the peer will come from)
 * @param name the destination name the client gave, or {@code null} when it gave an address
 * @param addresses the destination's addresses that the access rules checked; empty when the name
 *        did not resolve here, so only an upstream that resolves names can carry the request
 * @param port the destination port
 * @param user the request's user (RFC 1929 name, SOCKS 4 user-id, or empty), sent as the SOCKS 4
 *        user-id when the upstream names none
 * @param clientLogin the client's own RFC 1929 login, kept only where an upstream forwards it; else {@code null}
 */
public record DialRequest(Command command, String name, List<InetAddress> addresses, int port, String user,
        Login clientLogin) {

    public DialRequest {
        if (command != Command.CONNECT && command != Command.BIND) {
            throw new IllegalArgumentException("only CONNECT and BIND go through upstreams, not " + command);
        }
        addresses = List.copyOf(addresses);
        if (name == null && addresses.isEmpty()) {
            throw new IllegalArgumentException("a destination needs a name or an address");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(user, "user");
    }
}
