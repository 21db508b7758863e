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

    /**
     * Service property (String): {@code required} when every connection must begin with a PROXY
     * protocol header from a trusted network, else {@code off}.
     */
    String PROXY_PROTOCOL = "sockd.listener.proxy.protocol";

    /** @return the address the listener is bound to, with the real port when port 0 was asked for */
    InetSocketAddress address();

    /**
     * @return connections closed unserved since the listener opened because a PROXY protocol header
     *         was required and they came from an untrusted network, sent none, sent a malformed one
     *         or not in time; always 0 when the header is not required
     */
    long proxyHeadersRefused();
}
