package org.sockd.api.admin;

import java.net.InetSocketAddress;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the core for each listening socket once it is bound, and withdrawn when it
 * closes. The service property {@link #ADDRESS} carries the same address as text.
 */
@ProviderType
public interface ListenerInfo {

    /** Service property (String): the bound address as {@code host:port} or {@code [v6]:port}. */
    String ADDRESS = "sockd.listener.address";

    /** @return the address the listener is bound to, with the real port when port 0 was asked for */
    InetSocketAddress address();
}
