package org.sockd.core.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.access.AccessPolicy;
import org.osgi.framework.BundleContext;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.GuardedDestinations;
import org.sockd.api.admin.ListenerInfo;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.admin.ServedEndpoint;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.action.ActionRunner;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.log.EndReason;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.log.SessionListener;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.io.Closing;

/**
 * Composes the policies into sessions. Every policy is held dynamically and greedily, so a
 * better-ranked service takes over for the next session with no restart, and sessions already
 * running finish under the services they started with.
 */
@Component(name = "sockd.core", service = {SessionDispatcher.class, SessionRegistry.class, Reloadable.class,
        Node.class, DaemonMetrics.class, GuardedDestinations.class})
@Designate(ocd = CoreConfig.class)
public class SocksServer implements SessionDispatcher, SessionRegistry, Reloadable, Node, DaemonMetrics,
        GuardedDestinations {

    private static final Logger LOG = LoggerFactory.getLogger(SocksServer.class);
    private static final int LARGE_BUFFER = 64 * 1024;
    private static final int LARGE_BUFFERS_LENT_AT_MOST = 4096;
    /** How long sessions closed at shutdown get to tell their end. */
    private static final long CLOSED_SESSIONS_END_MS = 1_000;

    private volatile AccessPolicy access;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<SessionListener> listeners;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile ActionRunner actions;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile IdentClient ident;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<ProtocolHandler> handlers;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Authenticator> authenticators;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile RouteSelector routes;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile UpstreamSelector upstreams;

    /** The listeners bound now, and the other endpoints served: the destination guard keeps clients off them. */
    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<ListenerInfo> endpoints;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<ServedEndpoint> servedEndpoints;

    private final Instant started = Instant.now();
    private final String version;
    private final Drain drain = new Drain();
    private volatile CoreConfig config;
    private volatile SessionCap cap;
    private final HeapGauge oldGeneration = HeapGauge.oldGeneration().orElse(HeapGauge.UNKNOWN);
    private volatile HeapShedding heap;
    private volatile SessionContext context;
    private volatile SharedPolicies shared;
    private final ScheduledExecutorService sweeper;
    private ScheduledFuture<?> sweeping;
    private final RateLimitedLog overload = new RateLimitedLog(LOG, TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog heapFull = new RateLimitedLog(LOG, TimeUnit.SECONDS.toNanos(10));

    @Activate
    public SocksServer(CoreConfig config, BundleContext bundleContext) {
        validate(config);
        this.config = config;
        this.cap = capFor(config);
        this.version = bundleContext.getBundle().getVersion().toString();
        Tally tally = new Tally();
        Resolver resolver = new Resolver(config.resolve_timeout_ms());
        resolver.maxPerClient(config.resolve_max_per_client());
        this.context = new SessionContext(config, new Sessions(), resolver,
                new RelayEngine(RelayEngine.Kind.of(config.relay_engine()),
                        new BufferPool(LARGE_BUFFER, LARGE_BUFFERS_LENT_AT_MOST), Runtime.getRuntime().availableProcessors()),
                new RateLimitedLog(LOG, TimeUnit.MINUTES.toNanos(1)), new RateLimitedLog(LOG, TimeUnit.MINUTES.toNanos(1)),
                this::policiesNow, tally, guard(config), LateServices.of(LOG),
                new ClientLimits(ClientLimits.Terms.of(config), tally,
                        new RateLimitedLog(LOG, TimeUnit.SECONDS.toNanos(10)), System::nanoTime),
                new ClientSlots("max.binds", "max.binds.per.client"),
                new ClientSlots("max.udp.associations", "max.udp.associations.per.client"),
                new ClientSlots("max.ident.lookups", null));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sockd-sweeper").factory());
        this.heap = heapFor(config); // its collections run on the sweeper
        scheduleSweeps(config);
    }

    /**
     * A changed limit or timeout applies to the sessions that start from now on; the listeners and
     * the sessions already running go on undisturbed (SCR would otherwise restart the core).
     */
    @Modified
    void modified(CoreConfig changed) {
        validate(changed);
        this.cap = capFor(changed);
        this.heap = heapFor(changed);
        SessionContext now = context;
        now.resolver().timeout(changed.resolve_timeout_ms());
        now.resolver().maxPerClient(changed.resolve_max_per_client());
        now.relays().kind(RelayEngine.Kind.of(changed.relay_engine()));
        now.clients().terms(ClientLimits.Terms.of(changed));
        this.context = new SessionContext(changed, now.sessions(), now.resolver(), now.relays(), now.unrunActions(),
                now.udpThroughUpstream(), now.current(), now.tally(), guard(changed), now.late(), now.clients(),
                now.binds(), now.associations(), now.identLookups());
        this.config = changed;
        synchronized (sweeper) {
            sweeping.cancel(false);
            scheduleSweeps(changed);
        }
        LOG.info("core configuration changed: applies to new sessions");
    }

    @Override
    public Optional<String> refusal(InetAddress address, int port) {
        return context.guard().refusal(address, port);
    }

    private DestinationGuard guard(CoreConfig config) {
        return new DestinationGuard(DestinationGuard.Ranges.of(config), () -> {
            List<ListenerInfo> listening = endpoints;
            List<ServedEndpoint> served = servedEndpoints;
            return Stream.concat(listening == null ? Stream.empty() : listening.stream().map(ListenerInfo::address),
                    served == null ? Stream.empty() : served.stream().map(ServedEndpoint::address)).toList();
        });
    }

    private static SessionCap capFor(CoreConfig config) {
        SessionCap cap = SessionCap.of(config.max_sessions(), SessionCap.processDescriptors());
        cap.log(LOG, config.max_sessions());
        return cap;
    }

    private HeapShedding heapFor(CoreConfig config) {
        if (config.heap_shed_percent() > 0 && oldGeneration == HeapGauge.UNKNOWN) {
            LOG.warn("no old generation with a known maximum in this JVM: heap.shed.percent {} turns no client away",
                    config.heap_shed_percent());
        }
        return new HeapShedding(config.heap_shed_percent(), oldGeneration, sweeper, LOG, System::nanoTime);
    }

    private void scheduleSweeps(CoreConfig config) {
        long period = sweepPeriodMillis(config);
        Sessions sessions = context.sessions();
        ClientLimits clients = context.clients();
        sweeping = sweeper.scheduleAtFixedRate(() -> {
            sessions.sweep(System.nanoTime());
            clients.sweep();
            heap.recheck();
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** A bad value refuses the whole configuration, naming the property. */
    static void validate(CoreConfig config) {
        requirePositive("handshake.timeout.ms", config.handshake_timeout_ms());
        requirePositive("connect.timeout.ms", config.connect_timeout_ms());
        requirePositive("resolve.timeout.ms", config.resolve_timeout_ms());
        requirePositive("resolve.max.per.client", config.resolve_max_per_client());
        requirePositive("idle.timeout.s", config.idle_timeout_s());
        requireNotNegative("max.sessions", config.max_sessions());
        requirePositive("ident.wait.ms", config.ident_wait_ms());
        requirePositive("policy.timeout.ms", config.policy_timeout_ms());
        requirePositive("bind.timeout.ms", config.bind_timeout_ms());
        requirePositive("udp.idle.timeout.ms", config.udp_idle_timeout_ms());
        requirePositive("udp.max.peers", config.udp_max_peers());
        try {
            RelayEngine.Kind.of(config.relay_engine());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sockd.core: " + e.getMessage(), e);
        }
        requireNotNegative("max.sessions.per.client", config.max_sessions_per_client());
        requireNotNegative("connect.rate.per.client", config.connect_rate_per_client());
        requireNotNegative("max.binds", config.max_binds());
        requireNotNegative("max.binds.per.client", config.max_binds_per_client());
        requireNotNegative("max.udp.associations", config.max_udp_associations());
        requireNotNegative("max.udp.associations.per.client", config.max_udp_associations_per_client());
        requireNotNegative("max.ident.lookups", config.max_ident_lookups());
        if (config.heap_shed_percent() < 0 || config.heap_shed_percent() > 99) {
            throw new IllegalArgumentException("sockd.core: heap.shed.percent must be 0 to 99, not "
                    + config.heap_shed_percent());
        }
        if (config.connect_rate_per_client() > 0) {
            requirePositive("connect.burst.per.client", config.connect_burst_per_client());
        }
    }

    private static void requireNotNegative(String property, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("sockd.core: " + property + " must be 0 or more, not " + value);
        }
    }

    private static void requirePositive(String property, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("sockd.core: " + property + " must be greater than 0, not " + value);
        }
    }

    /** Often enough that a deadline is kept to within a quarter of its length, at most once a second. */
    static long sweepPeriodMillis(CoreConfig config) {
        long shortest = Math.min(config.handshake_timeout_ms(), config.idle_timeout_s() * 1000L);
        return Math.clamp(shortest / 4, 20, 1000);
    }

    @Override
    public void dispatch(SocketChannel client, ListenerTerms terms) {
        CoreConfig config = this.config;
        SessionContext context = this.context;
        Sessions sessions = context.sessions();
        int cap = this.cap.sessions();
        if (sessions.size() >= cap) {
            overload.warn("session limit {} reached: closing new clients", cap);
            context.tally().refused("limit");
            Closing.quietly(client);
            return;
        }
        HeapShedding heap = this.heap;
        if (heap.full()) { // established sessions keep the heap they have; a new one could cost them all of it
            heapFull.warn("heap: old generation {}% full of live data after the last collection "
                    + "(heap.shed.percent {}): closing new clients", heap.percentAfterCollection(), heap.percent());
            context.tally().refused("heap");
            Closing.quietly(client);
            return;
        }
        if (drain.draining()) { // accepted on an inherited socket, or just before its listener closed
            context.tally().refused("drain");
            Closing.quietly(client);
            return;
        }
        // behind a balancer the client is known only from the PROXY header, and the session checks it there
        Optional<InetAddress> admitted = Optional.empty();
        if (terms.proxy().isEmpty()) {
            admitted = peerAddress(client);
            if (admitted.isEmpty() || !context.clients().admit(admitted.get())) {
                Closing.quietly(client);
                return;
            }
        }
        long now = System.nanoTime();
        LiveSession live = new LiveSession(sessions.nextId(), client, now + config.handshake_timeout_ms() * 1_000_000L);
        sessions.add(live);
        Thread.ofVirtual().name("sockd-session-" + live.id())
                .start(new Session(live, policiesNow(), context, terms, admitted));
    }

    /** @return the client's address, or empty when it has gone already */
    private static Optional<InetAddress> peerAddress(SocketChannel client) {
        try {
            InetSocketAddress peer = (InetSocketAddress) client.getRemoteAddress();
            return Optional.ofNullable(peer).map(InetSocketAddress::getAddress);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What a {@link Policies} is made of: the services registered and the configuration that arranges them. */
    private record PolicySources(AccessPolicy access, List<SessionListener> listeners, List<ProtocolHandler> handlers,
            ActionRunner actions, IdentClient ident, List<Authenticator> authenticators, RouteSelector routes,
            UpstreamSelector upstreams, CoreConfig config) {

        /** SCR sets a new list, or a new service, whenever one changes: the same objects are the same services. */
        boolean same(PolicySources other) {
            return access == other.access && listeners == other.listeners && handlers == other.handlers
                    && actions == other.actions && ident == other.ident && authenticators == other.authenticators
                    && routes == other.routes && upstreams == other.upstreams && config == other.config;
        }
    }

    private record SharedPolicies(PolicySources sources, Policies policies) {
    }

    /**
     * The services registered now, read once for a session to use from its start to its end. Sessions
     * share one {@link Policies} until a service or the configuration changes: building it for each
     * client cost every session its own copies of the handler map and lists, in time and in memory.
     */
    private Policies policiesNow() {
        PolicySources sources = new PolicySources(access, listeners, handlers, actions, ident, authenticators, routes,
                upstreams, config);
        SharedPolicies last = shared;
        if (last != null && last.sources().same(sources)) {
            return last.policies();
        }
        Policies built = policiesOf(sources);
        shared = new SharedPolicies(sources, built);
        return built;
    }

    private static Policies policiesOf(PolicySources sources) {
        CoreConfig config = sources.config();
        Map<Integer, ProtocolHandler> byVersion = new HashMap<>();
        for (ProtocolHandler handler : sources.handlers()) {
            byVersion.put(handler.version(), handler); // ascending ranking: the best comes last and wins
        }
        List<Authenticator> methods = AuthenticationOrder.arrange(sources.authenticators(), config.auth_preference());
        if (methods.isEmpty() && config.auth_required()) {
            methods = List.of(Unavailable.AUTHENTICATOR);
        }
        RouteSelector routeSelector = sources.routes();
        if (routeSelector == null && config.route_required()) {
            routeSelector = Unavailable.ROUTES;
        }
        UpstreamSelector upstreamSelector = sources.upstreams();
        if (upstreamSelector == null && config.upstream_required()) {
            upstreamSelector = Unavailable.UPSTREAMS;
        }
        return new Policies(sources.access(), sources.listeners(), byVersion, sources.actions(), sources.ident(), methods,
                routeSelector, upstreamSelector);
    }

    @Override
    public List<SessionSnapshot> sessions() {
        return context.sessions().all().stream()
                .sorted(Comparator.comparingLong(LiveSession::id))
                .map(AdminView::of)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public boolean close(long id) {
        LiveSession session = context.sessions().get(id);
        if (session == null) {
            return false;
        }
        session.closeFor(EndReason.KILLED, null);
        return true;
    }

    /**
     * A policy whose service asks for it ({@link AccessPolicy#REVALIDATE}) decides the live sessions
     * again as soon as it is in use. SCR binds a better-ranked policy before it unbinds the old one.
     */
    @Reference(name = "access", cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY, unbind = "unbindAccess")
    void bindAccess(AccessPolicy policy, Map<String, Object> properties) {
        access = policy;
        Object revalidate = properties.get(AccessPolicy.REVALIDATE);
        if (Boolean.TRUE.equals(revalidate) || "true".equals(revalidate)) {
            LOG.info("access policy {} asks to revalidate the live sessions", properties.get(AccessPolicy.NAME));
            revalidate();
        }
    }

    void unbindAccess(AccessPolicy policy) {
        if (access == policy) {
            access = null;
        }
    }

    @Override
    public List<SessionRefusal> revalidate() {
        return Revalidation.end(context.sessions(), access);
    }

    @Override
    public List<SessionRefusal> refusedBy(AccessPolicy candidate) {
        return Revalidation.refused(context.sessions().all(), candidate);
    }

    @Override
    public boolean revalidatesOnReload() {
        return config.reload_revalidate();
    }

    /**
     * Registered as a {@link Reloadable} so that every reload path, SIGHUP included, reaches the live
     * sessions; the reload runs the files first, then this.
     */
    @Override
    public ReloadResult reload() {
        return new ReloadResult.Reloaded("live sessions", revalidatesOnReload() ? revalidate().size() : 0);
    }

    @Override
    public int sessionCap() {
        return cap.sessions();
    }

    @Override
    public OptionalInt heapShedding() {
        HeapShedding now = heap;
        return now.shedding() ? OptionalInt.of(now.percentAfterCollection()) : OptionalInt.empty();
    }

    @Override
    public DaemonTotals totals() {
        Sessions sessions = context.sessions();
        long[] bytes = sessions.bytesMoved();
        return new DaemonTotals(started, sessions.numbered(), sessions.size(), bytes[0], bytes[1]);
    }

    @Override
    public Optional<Drain> listenerDrain() {
        return Optional.of(drain);
    }

    @Override
    public void drain() {
        drain.drain();
    }

    @Override
    public void undrain() {
        drain.undrain();
    }

    @Override
    public boolean draining() {
        return drain.draining();
    }

    @Override
    public Readiness readiness() {
        return ReadinessCheck.of(policiesNow(), drain.draining());
    }

    @Override
    public MetricsSnapshot snapshot() {
        SessionContext now = context;
        return now.tally().snapshot(version, started, now.sessions(), drain.draining());
    }

    @Override
    public void reloaded(boolean succeeded) {
        context.tally().reloaded(succeeded, Instant.now());
    }

    private static void awaitNoSessions(Sessions sessions, long deadline) throws InterruptedException {
        while (sessions.size() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
    }

    /** Listeners are closed before this runs (they depend on it); live sessions get a grace period. */
    @Deactivate
    void deactivate() throws InterruptedException {
        Sessions sessions = context.sessions();
        long deadline = System.nanoTime() + config.shutdown_grace_ms() * 1_000_000L;
        if (sessions.size() > 0) {
            LOG.info("stopping: waiting up to {} ms for {} sessions", config.shutdown_grace_ms(), sessions.size());
        }
        awaitNoSessions(sessions, deadline);
        if (sessions.size() > 0) {
            LOG.info("stopping: closing {} sessions still open", sessions.size());
            sessions.all().forEach(session -> session.closeFor(EndReason.SHUTDOWN, null));
            // so that each tells its listeners how it ended before the core is gone
            awaitNoSessions(sessions, System.nanoTime() + CLOSED_SESSIONS_END_MS * 1_000_000L);
        }
        sweeper.shutdownNow();
        context.resolver().close();
        context.relays().close();
    }
}
