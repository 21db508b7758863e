package org.sockd.core.internal;

import java.util.List;
import java.util.Map;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.action.ActionRunner;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.log.SessionListener;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;

/**
 * The services one session uses from its start to its end, read once so that a swap in the middle
 * of a session cannot mix two policies.
 *
 * @param access the access policy, or {@code null} when none is registered (every request is refused)
 * @param listeners the session listeners
 * @param handlers the protocol handlers by first byte
 * @param actions the runner of rule commands, or {@code null} when none is registered
 * @param ident the ident client, or {@code null} when none is registered (identd counts as unreachable)
 * @param authenticators the SOCKS 5 authentication methods clients must choose from, in order of
 *        preference; empty when none is registered (no authentication required)
 * @param routes the route selector, or {@code null} when none is registered (single-homed: the
 *        system chooses local addresses)
 * @param upstreams the next-hop selector (socks.conf), or {@code null} when none is registered
 *        (every permitted request goes direct)
 */
record Policies(AccessPolicy access, List<SessionListener> listeners, Map<Integer, ProtocolHandler> handlers,
        ActionRunner actions, IdentClient ident, List<Authenticator> authenticators, RouteSelector routes,
        UpstreamSelector upstreams) {

    Policies {
        listeners = List.copyOf(listeners);
        handlers = Map.copyOf(handlers);
        authenticators = List.copyOf(authenticators);
    }
}
