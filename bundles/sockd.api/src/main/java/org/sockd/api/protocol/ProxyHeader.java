package org.sockd.api.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a load balancer said about a connection in its PROXY protocol header (version 1 or 2, as
 * HAProxy specifies them), read by a {@link ProxyHeaderReader}.
 */
public sealed interface ProxyHeader {

    /**
     * The balancer relays a TCP connection from a client.
     *
     * @param source the client's address and port
     * @param destination the address and port the client connected to (the balancer's)
     */
    record Proxied(InetSocketAddress source, InetSocketAddress destination) implements ProxyHeader {
        public Proxied {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (source.isUnresolved() || destination.isUnresolved()) {
                throw new IllegalArgumentException("a proxied connection's addresses must carry an IP address");
            }
        }
    }

    /**
     * The header names no client to serve: the balancer's own connection (version 2 LOCAL, such as a
     * health check), or one it cannot describe (version 1 UNKNOWN, version 2 UNSPEC or UNIX).
     *
     * @param reason which of these, for the log
     */
    record Local(String reason) implements ProxyHeader {
        public Local {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The bytes are no valid header, or the connection ended before the header did.
     *
     * @param reason what was wrong, for the log
     */
    record Malformed(String reason) implements ProxyHeader {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
