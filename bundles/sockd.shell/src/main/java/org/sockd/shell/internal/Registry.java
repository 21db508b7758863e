package org.sockd.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sockd.api.admin.GuardedDestinations;
import org.sockd.api.admin.Node;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;

/** The services the commands work on, as they are registered at the moment of asking. */
interface Registry {

    /** @return every registered {@link Reloadable} */
    List<Reloadable> reloadables();

    /** @return every registered access policy, in no particular order */
    List<PolicyService> policies();

    /** @return every registered service of the kinds {@link ServiceKind} lists, in no particular order */
    List<RegisteredService> services();

    /** @return the listening sockets, in order of their addresses */
    List<ListenerView> listeners();

    /** @return the core's session registry, empty while no core runs */
    Optional<SessionRegistry> sessions();

    /** @return the route selector in use (the best-ranked), empty on a single-homed host */
    Optional<RouteSelector> routes();

    /** @return the next-hop selector in use (socks.conf), empty when every request goes direct */
    Optional<UpstreamSelector> upstreams();

    /** @return every registered {@link Dumpable}, in registration order */
    List<Dumpable> dumpables();

    /** @return the core's counters, empty while no core runs */
    Optional<DaemonMetrics> metrics();

    /** @return the node's drain and readiness, empty while no core runs */
    Optional<Node> node();

    /** @return the core's destination guard, empty while no core runs */
    Optional<GuardedDestinations> guard();

    /** @return the sockd release */
    String version();

    /** @return when the daemon process started, empty when the system does not say */
    Optional<Instant> started();
}
