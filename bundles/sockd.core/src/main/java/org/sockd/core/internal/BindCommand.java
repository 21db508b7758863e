package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;
import org.sockd.api.route.Route;

/**
 * BIND: listen on the address that faces the expected peer, tell the client where, accept one
 * connection within the BIND timeout, check it comes from the expected host (any host when the
 * request named the wildcard address), tell the client who came, relay.
 */
final class BindCommand {

    private final Exchange exchange;

    BindCommand(Exchange exchange) {
        this.exchange = exchange;
    }

    void serve() throws IOException, InterruptedException {
        Optional<InetAddress> local = bindAddress();
        if (local.isEmpty()) {
            return;
        }
        CoreConfig config = exchange.config();
        InetAddress client = exchange.client().remote().getAddress();
        ClientSlots binds = exchange.context().binds();
        Optional<String> full = binds.take(client,
                new ClientSlots.Caps(config.max_binds(), config.max_binds_per_client()));
        if (full.isPresent()) {
            exchange.refuse("limit", new SessionEvent.Refused(exchange.info(), full.get() + " reached",
                    "limit " + full.get()), Refusal.GENERAL_FAILURE);
            return;
        }
        Optional<Accepted> accepted;
        try {
            accepted = awaitPeer(local.get());
        } finally {
            binds.release(client); // the listener is closed: the relay that may follow is an ordinary session
        }
        if (accepted.isPresent()) {
            relay(accepted.get());
        }
    }

    /** @param early what the client sent before the peer came, for the peer */
    private record Accepted(InetSocketAddress listening, SocketChannel peer, byte[] early) {
    }

    /** @return the peer that connected in, or empty when the session is over (the client was told why) */
    private Optional<Accepted> awaitPeer(InetAddress local) throws IOException, InterruptedException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        exchange.live().hold(listener);
        InetSocketAddress listening;
        try {
            listener.bind(new InetSocketAddress(local, 0), 1);
            listening = (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            listener.close();
            exchange.fail(new SessionEvent.Failed(exchange.info(), "bind",
                    e.getMessage() + " (" + local.getHostAddress() + ")"), Refusal.GENERAL_FAILURE);
            return Optional.empty();
        }
        exchange.reply(new Reply.Granted(exchange.listener().advertise(listening)));
        exchange.stage(SessionState.WAITING);
        SocketChannel peer;
        ControlWatch watch = ControlWatch.start(exchange.live(), listener);
        try (listener) {
            peer = acceptWithin(listener, exchange.config().bind_timeout_ms());
        } catch (IOException e) {
            // the client closed the control connection, or the session was closed (sockd:kill,
            // shutdown): nobody is left to answer
            watch.stop();
            exchange.emit(new SessionEvent.Failed(exchange.info(), "accept", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        byte[] early = watch.stop();
        if (peer == null) {
            exchange.fail(new SessionEvent.TimedOut(exchange.info()), Refusal.GENERAL_FAILURE);
            return Optional.empty();
        }
        return Optional.of(new Accepted(listening, peer, early));
    }

    private void relay(Accepted accepted) throws IOException, InterruptedException {
        SocketChannel peer = accepted.peer();
        InetSocketAddress listening = accepted.listening();
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getRemoteAddress();
        if (!expectedPeer(exchange.resolved(), peerAddress.getAddress())) {
            peer.close();
            exchange.fail(new SessionEvent.WrongPeer(exchange.info(), peerAddress), Refusal.GENERAL_FAILURE);
            return;
        }
        peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
        exchange.live().relaying(peer, exchange.config().idle_timeout_s() * 1_000_000_000L);
        exchange.grant(peerAddress);
        exchange.emit(new SessionEvent.Connected(exchange.info(), listening, peerAddress));
        ByteBuffer early = ByteBuffer.wrap(accepted.early());
        while (early.hasRemaining()) {
            peer.write(early);
        }
        exchange.relay(peer, peerAddress);
    }

    /** The routed interface when there is a route table, else the address the client reached us at. */
    private Optional<InetAddress> bindAddress() throws IOException {
        if (exchange.policies().routes() == null) {
            return Optional.of(exchange.client().local().getAddress());
        }
        List<InetAddress> resolved = exchange.resolved();
        if (resolved.isEmpty()) {
            exchange.fail(new SessionEvent.Failed(exchange.info(), "route",
                    "unknown host " + exchange.request().destination().hostText()), Refusal.HOST_UNREACHABLE);
            return Optional.empty();
        }
        return switch (exchange.policies().routes().select(resolved.getFirst(), exchange.request().destination().host())) {
            case Route.Via via -> Optional.of(via.local());
            case Route.NoRoute none -> {
                exchange.fail(new SessionEvent.Failed(exchange.info(), "route", none.reason()),
                        Refusal.NETWORK_UNREACHABLE);
                yield Optional.empty();
            }
        };
    }

    /** @return the accepted connection, or {@code null} when none came in time */
    private static SocketChannel acceptWithin(ServerSocketChannel listener, int timeoutMillis) throws IOException {
        listener.socket().setSoTimeout(timeoutMillis);
        try {
            return listener.socket().accept().getChannel();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** The peer must be the host the request named; the wildcard address accepts any (as Dante does). */
    static boolean expectedPeer(List<InetAddress> resolved, InetAddress peer) {
        if (resolved.size() == 1 && resolved.getFirst().isAnyLocalAddress()) {
            return true;
        }
        // Java gives IPv4-mapped peers of a dual-stack socket as Inet4Address, so equals suffices
        return resolved.contains(peer);
    }
}
