package org.sockd.api.protocol;

import java.util.Objects;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;

/**
 * A request as decoded from the wire, before any name is resolved.
 *
 * @param version the protocol the client spoke
 * @param command what the client asked for
 * @param destination the destination as named by the client
 * @param user the SOCKS 4 user-id (bytes as ISO-8859-1 characters), or the empty string
 */
public record SocksRequest(SocksVersion version, Command command, Endpoint destination, String user) {

    public SocksRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(user, "user");
    }
}
