package org.sockd.core.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;

/**
 * The route selector as one session uses it: every route the session asks for (each address of a
 * CONNECT, a BIND, each upstream of a chain) is due within one deadline from the first, and a
 * route not given by then is no route, which fails the request as a route table without an entry does.
 */
final class BoundedRoutes implements RouteSelector {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRoutes.class);

    private static final long NOT_ASKED_YET = Long.MIN_VALUE;

    private final RouteSelector selector;
    private final ServiceDeadline deadline;
    private final AtomicLong due = new AtomicLong(NOT_ASKED_YET);

    BoundedRoutes(RouteSelector selector, ServiceDeadline deadline) {
        this.selector = selector;
        this.deadline = deadline;
    }

    @Override
    public Route select(InetAddress destination, String name) {
        due.compareAndSet(NOT_ASKED_YET, deadline.fromNow());
        return deadline.ask(selector, due::get, () -> selectOrNoRoute(destination, name), Route.NoRoute::new);
    }

    /** A selector that fails gives no route, answered as one (fail closed), not a session ended without a reply. */
    private Route selectOrNoRoute(InetAddress destination, String name) {
        try {
            Route route = selector.select(destination, name);
            return route != null ? route : new Route.NoRoute("route selector gave no route");
        } catch (RuntimeException e) {
            LOG.error("route selector {} failed; no route to {}", selector, destination, e);
            return new Route.NoRoute("route selector failed: " + e);
        }
    }

    @Override
    public List<RouteEntry> table() {
        return selector.table();
    }
}
