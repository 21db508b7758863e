package org.sockd.core.internal;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.RouteSelector;

/**
 * What every session shares with the server that started it.
 *
 * @param config timeouts and limits
 * @param sessions the session table
 * @param resolver the name resolver
 * @param relays makes each granted session's relay
 * @param unrunActions where to say that a rule command found no runner
 * @param udpThroughUpstream where to say that datagrams were dropped because socks.conf sends their
 *        destination to an upstream, which cannot carry UDP
 * @param current the policies registered now, for decisions taken after a session started (each UDP
 *        datagram's destination is decided by the access policy in force when it arrives)
 * @param tally the counters for monitoring
 * @param guard the destinations refused before the rules
 * @param late where to say that the access policy, an authenticator or the route selector gave no answer in time
 * @param clients the sessions and connection rate of each client address
 * @param binds the BIND listeners open, in total and of each client address
 * @param associations the UDP associations held, in total and of each client address
 * @param identLookups the ident lookups in flight, in total and to each client address
 */
record SessionContext(CoreConfig config, Sessions sessions, Resolver resolver, RelayEngine relays,
        RateLimitedLog unrunActions, RateLimitedLog udpThroughUpstream, Supplier<Policies> current,
        Tally tally, DestinationGuard guard, LateServices late, ClientLimits clients, ClientSlots binds,
        ClientSlots associations, ClientSlots identLookups) {

    /**
     * @return the access policy of the session, asked within the configured deadline from this
     *         moment for every address of one request
     */
    Function<ConnectRequest, Decision> policyDeadline(Policies policies) {
        AccessPolicy policy = policies.access();
        if (policy == null) {
            return request -> Verdicts.ask(null, request);
        }
        ServiceDeadline deadline =
                new ServiceDeadline("access policy gave no decision", config.policy_timeout_ms(), late.policy());
        long due = deadline.fromNow();
        // Verdicts.ask catches what a policy throws
        return request -> deadline.ask(policy, () -> due, () -> Verdicts.ask(policy, request),
                reason -> new Decision.Deny(reason, null));
    }

    /** @return the policies of one session, its authenticators and route selector each asked within the configured deadline */
    Policies withDeadlines(Policies policies) {
        if (policies.authenticators().isEmpty() && policies.routes() == null) {
            return policies; // nothing to bound: no copy for each session
        }
        ServiceDeadline authentication =
                new ServiceDeadline("authenticator gave no answer", config.policy_timeout_ms(), late.authenticator());
        List<Authenticator> authenticators = policies.authenticators().stream()
                .<Authenticator>map(authenticator -> new BoundedAuthenticator(authenticator, authentication))
                .toList();
        RouteSelector routes = policies.routes() == null ? null : new BoundedRoutes(policies.routes(),
                new ServiceDeadline("route selector gave no route", config.policy_timeout_ms(), late.routes()));
        return new Policies(policies.access(), policies.listeners(), policies.handlers(), policies.actions(),
                policies.ident(), authenticators, routes, policies.upstreams());
    }
}
