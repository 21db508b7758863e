package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.access.Decision;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.NextHop;
import org.sockd.common.rules.AddressDecisions;
import org.sockd.common.text.LogText;
import org.sockd.core.internal.udp.UdpGate;

/**
 * The gate of one UDP association: each datagram's destination is resolved, guarded, each of its
 * addresses decided by the access policy and then by the next-hop selector (socks.conf) in force when it arrives (not the ones the
 * association started under, so that a swap or reload reaches running associations), and routed.
 * UDP goes direct only: a destination socks.conf sends to an upstream is dropped, never sent direct
 * instead, and so is every datagram while a required selector is not registered.
 *
 * @param association the UDP ASSOCIATE request: client, version and users of every datagram
 * @param context the resolver, and the policies registered now
 */
record DatagramGate(ConnectRequest association, SessionContext context) implements UdpGate {

    @Override
    public Verdict decide(Endpoint destination) throws InterruptedException {
        Resolver.Answer answer = destination.isName()
                ? context.resolver().destination(destination.host(), association.client().remote().getAddress())
                : new Resolver.Addresses(List.of(destination.address()));
        if (answer instanceof Resolver.Refused refused) {
            return new Verdict.Drop(refused.reason() + ": " + LogText.escape(destination.host()));
        }
        List<InetAddress> resolved = ((Resolver.Addresses) answer).all();
        if (resolved.isEmpty()) {
            return new Verdict.Drop("unknown host " + destination.hostText());
        }
        DestinationGuard.Screened screened = context.guard().screen(resolved, destination.port());
        if (screened.refusedAll()) {
            return new Verdict.Drop("destination guard: " + screened.refusal().get());
        }
        // the access policy and the route selector are asked within policy.timeout.ms, as for a session
        Policies now = context.withDeadlines(context.current().get());
        if (now.access() == null) {
            return new Verdict.Drop("no access policy registered");
        }
        // each address decided on its own: the datagram goes to the first one permitted
        AddressDecisions.Decided decided = AddressDecisions.decide(context.policyDeadline(now),
                new ConnectRequest(association.client(), association.version(), Command.UDP_ASSOCIATE, destination,
                        screened.passed(), association.user(), association.authenticatedUser(),
                        association.clientNames()));
        Optional<String> denied = denial(decided.decision());
        if (denied.isPresent()) {
            return new Verdict.Drop(denied.get());
        }
        ConnectRequest datagram = decided.request();
        // a socks.conf line's command is not run per datagram either, for the reasons denial() gives
        return switch (NextHopStep.choose(now.upstreams(), datagram)) {
            case NextHop.Direct direct -> route(datagram.resolved().getFirst(), destination, now);
            case NextHop.Deny deny -> new Verdict.Drop(deny.reason());
            case NextHop.Try through -> throughUpstream(destination, through);
        };
    }

    private static Verdict route(InetAddress target, Endpoint destination, Policies now) {
        if (now.routes() == null) {
            return new Verdict.Send(new InetSocketAddress(target, destination.port()), null);
        }
        return switch (now.routes().select(target, destination.host())) {
            case Route.Via via -> new Verdict.Send(new InetSocketAddress(target, destination.port()), via.local());
            case Route.NoRoute none -> new Verdict.Drop(none.reason());
        };
    }

    /**
     * The notice is rate limited across all associations, since a client decides how many
     * datagrams it sends to how many destinations.
     */
    private Verdict throughUpstream(Endpoint destination, NextHop.Try through) {
        String reason = LogText.escape(destination.hostText()) + " port " + destination.port() + ": socks.conf line "
                + through.rule().line() + " sends it to an upstream, which cannot carry UDP";
        context.udpThroughUpstream().warn("dropping UDP to {}", reason);
        return new Verdict.ThroughUpstream(reason);
    }

    /**
     * What a datagram takes from its decision: allow or deny, nothing more. The matched rule's
     * ident mode and its command (and the #NO_IDENTD:/#BAD_ID: commands) are settled once, for the
     * UDP ASSOCIATE request that opened the association: identd was asked and the commands ran
     * then. Asking identd or starting a command per datagram would make each one wait on the
     * network or a process, and let one client start a process per packet.
     *
     * @return why the datagram is dropped, or empty when it may go
     */
    static Optional<String> denial(Decision decision) {
        return switch (decision) {
            case Decision.Deny deny -> Optional.of("denied: " + deny.reason());
            case Decision.Allow allow -> Optional.empty();
        };
    }
}
