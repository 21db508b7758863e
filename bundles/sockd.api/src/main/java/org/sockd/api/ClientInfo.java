package org.sockd.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a client connection comes from and which listener accepted it.
 *
 * @param remote the client's address and port (resolved: it has an IP address)
 * @param local the listener's address and port the client reached
 */
public record ClientInfo(InetSocketAddress remote, InetSocketAddress local) {

    public ClientInfo {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(local, "local");
        if (remote.isUnresolved() || local.isUnresolved()) {
            throw new IllegalArgumentException("client addresses must carry an IP address");
        }
    }
}
