package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.SocksVersion;
import org.sockd.api.action.Action;
import org.sockd.api.admin.SessionState;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionInfo;
import org.sockd.api.protocol.Handshake;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.common.net.DestinationName;
import org.sockd.common.rules.AddressDecisions;

/**
 * One client from accept to close, the spine of every session: handshake (the protocol handler
 * of the first byte), decide (resolve once, the access policy), identify (identd, where the
 * decision asks), then socks.conf chooses the path and the command serves the request, directly
 * by its route or through upstreams (CONNECT, BIND, UDP ASSOCIATE). Each step that refuses answers
 * the client and ends the session; nothing is permitted by absence. This class alone knows the order; the commands know only their own work.
 */
final class Session implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** 0.0.0.0, what a UDP ASSOCIATE hint no check accepts stands for. */
    private static final InetAddress UNSPECIFIED = unspecifiedIpv4();

    private final LiveSession live;
    private final Policies policies;
    private final SessionContext context;
    private final Events events;
    private final ListenerTerms terms;
    private final Instant started = Instant.now();

    /** @param admitted the client address already admitted at accept, or empty when it is known only later */
    Session(LiveSession live, Policies policies, SessionContext context, ListenerTerms terms,
            Optional<InetAddress> admitted) {
        this.live = live;
        admitted.ifPresent(live::admitted);
        this.policies = context.withDeadlines(policies);
        this.context = context;
        this.terms = terms;
        this.events = new Events(policies.listeners(), context.tally());
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            LOG.error("session {} ended by an internal error", live.id(), e);
        } finally {
            if (!live.handedOver()) {
                end(live, context, events);
            }
        }
    }

    /**
     * Closes the session, gives its client address's slot back, takes it off the table and counts
     * it; once, by whoever has it last.
     */
    static void end(LiveSession live, SessionContext context, Events events) {
        live.end();
        if (live.admitted() != null) {
            context.clients().release(live.admitted());
        }
        context.sessions().remove(live);
        events.sessionEnded();
    }

    private void serve() throws IOException, InterruptedException {
        SocketChannel channel = live.client();
        ClientInfo accepted = new ClientInfo((InetSocketAddress) channel.getRemoteAddress(),
                (InetSocketAddress) channel.getLocalAddress());
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel);
        // behind a balancer, its PROXY header names the client every later step sees
        Optional<Arrival> arrival = terms.proxy().isEmpty() ? Optional.of(Arrival.direct(accepted))
                : terms.proxy().get().admit(live, in, accepted);
        if (arrival.isEmpty()) {
            return;
        }
        ClientInfo client = arrival.get().client();
        if (live.admitted() == null) {
            if (!context.clients().admit(client.remote().getAddress())) {
                return;
            }
            live.admitted(client.remote().getAddress());
        }
        try {
            int first = in.read();
            if (first < 0) {
                return;
            }
            ProtocolHandler handler = policies.handlers().get(first);
            if (handler == null) {
                events.emit(new SessionEvent.ProtocolError(live.id(), client, String.format("wrong version (0x%2x)", first)));
                return;
            }
            events.spoke(handler.version());
            ForwardableLogin login = new ForwardableLogin();
            List<Authenticator> methods = login.watching(CountedAuthenticator.all(policies.authenticators(), events));
            switch (handler.handshake(in, out, client, methods)) {
                case Handshake.Received received -> decide(handler, out, arrival.get(), received, login);
                case Handshake.Rejected rejected ->
                    events.emit(new SessionEvent.ProtocolError(live.id(), client, rejected.message()));
            }
        } catch (IOException e) {
            if (live.expired()) {
                events.emit(new SessionEvent.ProtocolError(live.id(), client, "no complete request within "
                        + context.config().handshake_timeout_ms() + " ms"));
            } else {
                throw e;
            }
        }
    }

    /**
     * Everything after the request was read: resolve, guard, decide each address, identify, then
     * the command.
     */
    private void decide(ProtocolHandler handler, OutputStream out, Arrival arrival, Handshake.Received received,
            ForwardableLogin login) throws IOException, InterruptedException {
        live.suspendDeadline();
        context.tally().handshake(Duration.between(started, Instant.now()));
        SocksRequest request = received.request();
        // the client as the rules see it: behind a balancer, the one its PROXY header names
        Resolver.Answer answer = destination(request, arrival.client().remote().getAddress());
        ConnectRequest unresolved = new ConnectRequest(arrival.client(), request.version(), request.command(),
                request.destination(), List.of(), request.user(), received.authenticatedUser());
        if (answer instanceof Resolver.Refused refused) {
            Exchange unruled = beforeTheRules(handler, out, request, unresolved);
            unruled.refuse("destination", new SessionEvent.Refused(unruled.info(), refused.reason(),
                    "destination check: " + refused.reason()), Refusal.NOT_ALLOWED);
            return;
        }
        List<InetAddress> resolved = ((Resolver.Addresses) answer).all();
        DestinationGuard.Screened screened = guardFor(request).screen(resolved, request.destination().port());
        if (screened.refusedAll()) {
            String reason = screened.refusal().get();
            Exchange unruled = beforeTheRules(handler, out, request, AddressDecisions.with(unresolved, resolved));
            unruled.refuse("guard", new SessionEvent.Refused(unruled.info(), reason, "destination guard: " + reason),
                    Refusal.NOT_ALLOWED);
            return;
        }
        ConnectRequest decoded = withClientNames(AddressDecisions.with(unresolved, screened.passed()));
        live.stage(SessionState.DECIDING, decoded, null);
        if (unauthenticatedWhileRequired(request.version())) {
            Exchange exchange = new Exchange(live, context, policies, events, handler, out, request,
                    new SessionInfo(live.id(), started, decoded, null), decoded.resolved(), terms);
            exchange.refuse("auth", new SessionEvent.Refused(exchange.info(), "SOCKS 4 carries no password, and "
                    + "username/password authentication is required (core socks4.without.auth=false)"),
                    Refusal.NOT_ALLOWED);
            return;
        }
        decideByTheRules(handler, out, arrival, request, decoded, login);
    }

    /** Each address decided on its own; ident and the rule's command once for the request. */
    private void decideByTheRules(ProtocolHandler handler, OutputStream out, Arrival arrival, SocksRequest request,
            ConnectRequest decoded, ForwardableLogin login) throws IOException, InterruptedException {
        AddressDecisions.Decided decided = AddressDecisions.decide(context.policyDeadline(policies), decoded);
        ConnectRequest settled = decided.request();
        Verdicts.Verdict verdict = Verdicts.verdict(decided.decision(), settled, new IdentQuery(policies.ident(),
                arrival.client().remote(), arrival.identServer(), context.config().ident_wait_ms(),
                context.identLookups(), new ClientSlots.Caps(context.config().max_ident_lookups(), 0)));
        IdentFinding ident = verdict.ident();
        SessionInfo info = new SessionInfo(live.id(), started, settled, ident.answer());
        live.stage(SessionState.DECIDING, settled, ident.answer());
        verdict.actions().forEach(this::submit);
        switch (ident.trouble()) {
            case UNREACHABLE -> events.emit(new SessionEvent.IdentUnreachable(info, ident.reason()));
            case MISMATCH -> events.emit(new SessionEvent.IdentMismatch(info));
            case NONE -> { }
        }
        Exchange exchange =
                new Exchange(live, context, policies, events, handler, out, request, info, settled.resolved(), terms);
        switch (verdict) {
            case Verdicts.Refuse refuse ->
                exchange.refuse(refuse.cause(), new SessionEvent.Refused(info, refuse.reason()), refuse.refusal());
            case Verdicts.Proceed proceed -> new NextHopStep(exchange, this::submit, login).carryOut();
        }
    }

    /**
     * For a refusal that is not the rules': its classic line says what refused the request and
     * why, and the client's name is not looked up for it.
     */
    private Exchange beforeTheRules(ProtocolHandler handler, OutputStream out, SocksRequest request,
            ConnectRequest decoded) {
        live.stage(SessionState.DECIDING, decoded, null);
        return new Exchange(live, context, policies, events, handler, out, request,
                new SessionInfo(live.id(), started, decoded, null), List.of(), terms);
    }

    /**
     * Only CONNECT names a destination to reach: BIND's names the peer expected to connect in
     * (0.0.0.0 for any), UDP ASSOCIATE's the client's own address. Each datagram's destination
     * is guarded by the association's gate.
     */
    private DestinationGuard guardFor(SocksRequest request) {
        return request.command() == Command.CONNECT ? context.guard() : DestinationGuard.OFF;
    }

    /** @return the destination's addresses, looked up once for a name, or why it is refused before any lookup */
    private Resolver.Answer destination(SocksRequest request, InetAddress client) throws InterruptedException {
        Optional<String> refusal = RequestCheck.refusal(request);
        if (refusal.isPresent()) {
            return new Resolver.Refused(refusal.get());
        }
        if (!request.destination().isName()) {
            return new Resolver.Addresses(List.of(request.destination().address()));
        }
        String host = request.destination().host();
        if (request.command() == Command.UDP_ASSOCIATE && DestinationName.of(host) instanceof DestinationName.Refused) {
            // UDP ASSOCIATE names the client's own address, as a hint no datagram is sent to:
            // PySocks writes "0" for "not known". Nothing is looked up for it, so it is no way
            // around the destination check; the association takes the client's host as always.
            return new Resolver.Addresses(List.of(UNSPECIFIED));
        }
        return context.resolver().destination(host, client);
    }

    /** A SOCKS 4 user-id is a claim, not a credential: no way around a required password. */
    private boolean unauthenticatedWhileRequired(SocksVersion version) {
        return version != SocksVersion.SOCKS5 && !policies.authenticators().isEmpty()
                && !context.config().socks4_without_auth();
    }

    /** Only a policy that matches clients by name pays for the reverse lookup. */
    private ConnectRequest withClientNames(ConnectRequest request) throws InterruptedException {
        if (policies.access() == null || !policies.access().needsClientNames()) {
            return request;
        }
        return request.withClientNames(context.resolver().confirmedNames(request.client().remote().getAddress()));
    }

    private void submit(Action action) {
        if (policies.actions() != null) {
            policies.actions().submit(action);
        } else {
            context.unrunActions().warn("no action runner registered: the command of {} was not run", action.origin());
        }
    }

    private static InetAddress unspecifiedIpv4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are an IPv4 address", e);
        }
    }
}
