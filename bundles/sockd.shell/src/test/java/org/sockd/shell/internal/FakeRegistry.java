package org.sockd.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
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

/** A registry whose services a test puts in; no framework. */
final class FakeRegistry implements Registry {

    final List<Reloadable> reloadables = new ArrayList<>();
    final List<PolicyService> policies = new ArrayList<>();
    final List<RegisteredService> services = new ArrayList<>();
    final List<ListenerView> listeners = new ArrayList<>();
    final List<Dumpable> dumpables = new ArrayList<>();
    Optional<SessionRegistry> sessions = Optional.empty();
    Optional<DaemonMetrics> metrics = Optional.empty();
    Optional<Node> node = Optional.empty();
    Optional<GuardedDestinations> guard = Optional.empty();
    Optional<RouteSelector> routes = Optional.empty();
    Optional<UpstreamSelector> upstreams = Optional.empty();
    Optional<Instant> started = Optional.empty();

    @Override
    public List<Reloadable> reloadables() {
        return reloadables;
    }

    @Override
    public List<PolicyService> policies() {
        return policies;
    }

    @Override
    public List<RegisteredService> services() {
        return services;
    }

    @Override
    public List<ListenerView> listeners() {
        return listeners;
    }

    @Override
    public Optional<SessionRegistry> sessions() {
        return sessions;
    }

    @Override
    public Optional<DaemonMetrics> metrics() {
        return metrics;
    }

    @Override
    public Optional<Node> node() {
        return node;
    }

    @Override
    public Optional<RouteSelector> routes() {
        return routes;
    }

    @Override
    public Optional<UpstreamSelector> upstreams() {
        return upstreams;
    }

    @Override
    public List<Dumpable> dumpables() {
        return dumpables;
    }

    @Override
    public String version() {
        return "1.2.3";
    }

    @Override
    public Optional<Instant> started() {
        return started;
    }

    @Override
    public Optional<GuardedDestinations> guard() {
        return guard;
    }
}
