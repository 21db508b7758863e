package org.sockd.shell.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.admin.GuardedDestinations;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.netdb.Services;
import org.sockd.common.rules.AddressDecisions;

/** Asks the destination guard and the access policy in use about a CONNECT that no client sent (sockd:check). */
final class Check {

    private static final InetSocketAddress LISTENER = new InetSocketAddress("0.0.0.0", 1080);

    private final NameLookup names;
    private final Supplier<Services> services;

    /** @param services the tcp service names, read when a command runs so that edits count */
    Check(NameLookup names, Supplier<Services> services) {
        this.names = names;
        this.services = services;
    }

    /**
     * Every argument is checked before anything is looked up. As in the core, the guard comes
     * first, then each address the guard lets through is decided on its own.
     */
    CheckReport run(List<PolicyService> policies, Optional<RouteSelector> routes, Optional<UpstreamSelector> upstreams,
            Optional<GuardedDestinations> guard, String source, String destination, String port, String user)
            throws InterruptedException {
        InetAddress client = Arguments.client(source);
        int number = Arguments.port(port, services.get());
        Optional<InetAddress> literal = Arguments.literal(destination, "DST");
        String host = literal.isPresent() ? destination : Arguments.hostName(destination);
        Optional<PolicyService> inUse = PolicyService.preferredFirst(policies).stream().findFirst();
        if (inUse.isEmpty()) {
            return new CheckReport.NoPolicy();
        }
        ClientInfo from = new ClientInfo(new InetSocketAddress(client, 0), LISTENER);
        ConnectRequest request = literal.isPresent()
                ? toAddress(from, literal.get(), number, user)
                : new ConnectRequest(from, SocksVersion.SOCKS4A, Command.CONNECT, Endpoint.ofName(host, number),
                        names.addresses(host), user, null);
        Map<InetAddress, String> guarded = guarded(guard, request.resolved(), number);
        String policyName = inUse.get().service().name();
        if (!request.resolved().isEmpty() && guarded.size() == request.resolved().size()) {
            Decision refused = new Decision.Deny("destination guard: " + guarded.values().iterator().next(), null);
            return new CheckReport.Decided(policyName, request, false, refused, guarded, List.of(), Optional.empty(),
                    Optional.empty());
        }
        AccessPolicy policy = inUse.get().policy();
        boolean withNames = policy.needsClientNames();
        if (withNames) {
            request = request.withClientNames(names.confirmedNames(client));
        }
        AddressDecisions.Decided decided = AddressDecisions.decide(each -> decide(policy, each),
                AddressDecisions.with(request, request.resolved().stream().filter(a -> !guarded.containsKey(a)).toList()));
        Decision decision = decided.decision();
        List<InetAddress> tried = decision instanceof Decision.Allow ? decided.request().resolved() : List.of();
        return new CheckReport.Decided(policyName, request, withNames, decision, guarded, tried,
                route(routes, decision, decided.request()), path(upstreams, decision, decided.request()));
    }

    /** @return each address the guard refuses, with why, in the order of the lookup */
    private static Map<InetAddress, String> guarded(Optional<GuardedDestinations> guard, List<InetAddress> addresses,
            int port) {
        Map<InetAddress, String> refused = new LinkedHashMap<>();
        guard.ifPresent(g -> addresses.forEach(a -> g.refusal(a, port).ifPresent(why -> refused.put(a, why))));
        return refused;
    }

    /** What socks.conf does with a permitted request; as in the core, a selector that fails or answers nothing refuses. */
    private static Optional<NextHop> path(Optional<UpstreamSelector> upstreams, Decision decision,
            ConnectRequest request) {
        if (upstreams.isEmpty() || decision instanceof Decision.Deny) {
            return Optional.empty();
        }
        try {
            NextHop hop = upstreams.get().select(request);
            return Optional.of(hop != null ? hop : new NextHop.Deny("the upstream selector returned no next hop", null));
        } catch (RuntimeException e) {
            return Optional.of(new NextHop.Deny("the upstream selector failed: " + e, null));
        }
    }

    /** Where the core would leave from: the route of the first address it would try. */
    private static Optional<Route> route(Optional<RouteSelector> routes, Decision decision, ConnectRequest request) {
        if (routes.isEmpty() || decision instanceof Decision.Deny) {
            return Optional.empty();
        }
        if (request.resolved().isEmpty()) {
            return Optional.of(new Route.NoRoute("the destination did not resolve"));
        }
        return Optional.of(routes.get().select(request.resolved().getFirst(), request.destination().host()));
    }

    /** SOCKS 4 cannot carry an IPv6 destination: a client would have to speak SOCKS 5. */
    private static ConnectRequest toAddress(ClientInfo from, InetAddress address, int port, String user) {
        SocksVersion version = address instanceof Inet4Address ? SocksVersion.SOCKS4 : SocksVersion.SOCKS5;
        return new ConnectRequest(from, version, Command.CONNECT, Endpoint.ofAddress(address, port), List.of(address),
                user, null);
    }

    /** As the core does: a policy that fails or answers nothing refuses. */
    private static Decision decide(AccessPolicy policy, ConnectRequest request) {
        try {
            Decision decision = policy.decide(request);
            return decision != null ? decision : new Decision.Deny("the policy returned no decision", null);
        } catch (RuntimeException e) {
            return new Decision.Deny("the policy failed: " + e, null);
        }
    }
}
