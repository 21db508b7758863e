package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import org.sockd.api.ConnectRequest;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NextHop;
import org.sockd.core.internal.chain.Attempt;
import org.sockd.core.internal.chain.DialRequest;
import org.sockd.core.internal.chain.Dialed;
import org.sockd.core.internal.chain.Dialer;

/**
 * Dials the upstreams of a session's next hop and answers the client when none of them accepted;
 * a CONNECT is then relayed through the upstream that accepted, a BIND waits for its peer
 * ({@link ChainedBind}).
 */
final class Chain {

    private Chain() {
    }

    /** @return the upstream that accepted, or empty when the client was already told why none did */
    /** @param clientLogin the client's own login, for the upstreams that forward it; else {@code null} */
    static Optional<Dialed.Connected> dial(Exchange exchange, NextHop.Try hop, Login clientLogin)
            throws IOException, InterruptedException {
        var routes = exchange.policies().routes();
        Dialer dialer = new Dialer(exchange.context().resolver()::resolve,
                address -> routes == null ? Optional.empty() : Optional.of(routes.select(address, null)),
                exchange.policies().upstreams()::report,
                Duration.ofMillis(exchange.config().connect_timeout_ms()),
                exchange.live()::hold);
        Dialed dialed = dialer.dial(hop, request(exchange, clientLogin));
        for (Attempt failure : dialed.failures()) {
            exchange.emit(new SessionEvent.UpstreamFailed(exchange.info(), failure.server(), failure.reason()));
        }
        switch (dialed) {
            case Dialed.Connected connected -> {
                return Optional.of(connected);
            }
            case Dialed.Refused refused -> exchange.refuse("upstream", new SessionEvent.Refused(exchange.info(),
                    "refused by an upstream", "sockd at " + refused.serverText() + " (reply " + refused.code() + ")"),
                    refused.refusal());
            // no one call failed: the classic line reads "Error: no SOCKS server reachable (2 tried)"
            case Dialed.Failed failed -> exchange.fail(new SessionEvent.Failed(exchange.info(), "",
                    "no SOCKS server reachable (" + failed.tried() + " tried)"), failed.refusal());
        }
        return Optional.empty();
    }

    /** CONNECT: the upstream's bound address is the reply, and the upstream carries the relay. */
    static void relay(Exchange exchange, Dialed.Connected connected) throws IOException, InterruptedException {
        SocketChannel upstream = connected.channel();
        exchange.live().relaying(upstream, exchange.config().idle_timeout_s() * 1_000_000_000L);
        exchange.grant(connected.bound());
        exchange.emit(new SessionEvent.Connected(exchange.info(), (InetSocketAddress) upstream.getLocalAddress(),
                connected.server(), connected.serverText()));
        exchange.relay(upstream, null);
    }

    /** The login, when one proved a user, names the user; else the SOCKS 4 user-id. */
    private static DialRequest request(Exchange exchange, Login clientLogin) {
        ConnectRequest request = exchange.info().request();
        String user = request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        return new DialRequest(request.command(), request.destination().host(), exchange.resolved(),
                request.destination().port(), user == null ? "" : user, clientLogin);
    }
}
