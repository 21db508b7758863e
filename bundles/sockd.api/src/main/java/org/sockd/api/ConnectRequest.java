package org.sockd.api;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A decoded client request as the policies see it, after the destination name (if any) was
 * resolved. The core connects only to one of {@link #resolved()}, the addresses that were checked.
 *
 * @param client where the request came from
 * @param version the protocol the client spoke
 * @param command what the client asked for
 * @param destination the destination as the client named it
 * @param resolved every address the destination stands for: the literal itself, or all the
 *        addresses its name resolved to (empty when the name did not resolve)
 * @param user the user-id the client program sent (SOCKS 4), or the empty string
 * @param authenticatedUser the user name proven by an authentication method, or {@code null}
 * @param clientNames the client's host names whose forward lookup gives back its address, when
 *        the access policy asked for them ({@link org.sockd.api.access.AccessPolicy#needsClientNames()});
 *        otherwise, or when there are none, empty
 */
public record ConnectRequest(
        ClientInfo client,
        SocksVersion version,
        Command command,
        Endpoint destination,
        List<InetAddress> resolved,
        String user,
        String authenticatedUser,
        List<String> clientNames) {

    public ConnectRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(destination, "destination");
        resolved = List.copyOf(resolved);
        Objects.requireNonNull(user, "user");
        clientNames = List.copyOf(clientNames);
    }

    /** A request for which the client's names were not looked up. */
    public ConnectRequest(ClientInfo client, SocksVersion version, Command command, Endpoint destination,
            List<InetAddress> resolved, String user, String authenticatedUser) {
        this(client, version, command, destination, resolved, user, authenticatedUser, List.of());
    }

    /** @return the same request with the client's confirmed host names */
    public ConnectRequest withClientNames(List<String> names) {
        return new ConnectRequest(client, version, command, destination, resolved, user, authenticatedUser, names);
    }
}
