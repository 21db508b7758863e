package org.sockd.api.admin;

import java.net.InetAddress;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the core: its destination guard, which refuses some destinations before the
 * access rules are asked, whatever they say (the unspecified, link-local, multicast and broadcast
 * addresses, and the daemon's own listeners and {@link ServedEndpoint}s). For dry runs such as
 * {@code sockd:check}.
 */
@ProviderType
public interface GuardedDestinations {

    /**
     * @param address a destination address: one a name resolved to, or the one a client sent
     * @param port the destination port
     * @return why the guard refuses a CONNECT to it, such as {@code link-local}; empty when the
     *         access rules decide it. Never {@code null}; does not block
     */
    Optional<String> refusal(InetAddress address, int port);
}
