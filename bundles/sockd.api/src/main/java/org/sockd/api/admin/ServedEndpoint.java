package org.sockd.api.admin;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered for each TCP endpoint the daemon serves besides its SOCKS listeners, such as the
 * health checks and metrics over HTTP, while it is bound. The core's destination guard keeps clients
 * off it as it keeps them off the listeners: a client could otherwise reach, through the proxy, an
 * endpoint its operator kept on loopback.
 */
@ConsumerType
public interface ServedEndpoint {

    /** @return the address the endpoint is bound to, with the real port */
    InetSocketAddress address();
}
