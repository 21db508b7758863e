package org.sockd.api.admin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the core: this node as a balancer sees it. Draining closes every listening socket,
 * so that new connections are refused, and lets the live sessions finish untouched.
 */
@ProviderType
public interface Node {

    /** Stops accepting new clients on every listener; sessions already live go on. Idempotent. */
    void drain();

    /** Accepts new clients again on every listener. Idempotent. */
    void undrain();

    /** @return whether the node is draining */
    boolean draining();

    /**
     * @return ready when the node takes new clients as configured: not draining, and every policy that
     *         the core's configuration requires ({@code auth.required}, {@code route.required},
     *         {@code upstream.required}) and an access policy are registered. Whether any listener is
     *         bound is for the caller to see, through the {@link ListenerInfo} services
     */
    Readiness readiness();
}
