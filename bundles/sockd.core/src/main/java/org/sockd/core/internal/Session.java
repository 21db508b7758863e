package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.Decision;
import org.sockd.api.action.Action;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionInfo;
import org.sockd.api.protocol.DatagramCodec;
import org.sockd.api.protocol.Handshake;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.api.route.Route;

/** One client from accept to close: handshake, decision, connect, relay, events. */
final class Session implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final LiveSession live;
    private final Policies policies;
    private final SessionContext context;
    private final Events events;
    private final Instant started = Instant.now();
    private boolean relayed;

    Session(LiveSession live, Policies policies, SessionContext context) {
        this.live = live;
        this.policies = policies;
        this.context = context;
        this.events = new Events(policies.listeners());
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
            if (relayed) {
                live.close();
            } else {
                live.closeAfterReply();
            }
            context.sessions().remove(live);
        }
    }

    private void serve() throws IOException, InterruptedException {
        SocketChannel channel = live.client();
        ClientInfo client = new ClientInfo((InetSocketAddress) channel.getRemoteAddress(),
                (InetSocketAddress) channel.getLocalAddress());
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel);
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
            switch (handler.handshake(in, out, client, policies.authenticators())) {
                case Handshake.Received received ->
                    new Request(handler, client, received.request(), received.authenticatedUser(), out).serve();
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

    /** The part of the session after a request was read. */
    private final class Request {

        private final ProtocolHandler handler;
        private final ClientInfo client;
        private final SocksRequest request;
        private final String authenticatedUser;
        private final OutputStream out;

        Request(ProtocolHandler handler, ClientInfo client, SocksRequest request, String authenticatedUser,
                OutputStream out) {
            this.handler = handler;
            this.client = client;
            this.request = request;
            this.authenticatedUser = authenticatedUser;
            this.out = out;
        }

        void serve() throws IOException, InterruptedException {
            live.suspendDeadline();
            Endpoint destination = request.destination();
            List<InetAddress> resolved = destination.isName()
                    ? context.resolver().resolve(destination.host())
                    : List.of(destination.address());
            ConnectRequest decoded = withClientNames(new ConnectRequest(client, request.version(),
                    request.command(), destination, resolved, request.user(), authenticatedUser));
            live.stage("deciding", decoded, null);
            if (unauthenticatedWhileRequired()) {
                SessionInfo info = new SessionInfo(live.id(), started, decoded, null);
                events.emit(new SessionEvent.Refused(info, "SOCKS 4 carries no password, and username/password "
                        + "authentication is required (core socks4.without.auth=false)"));
                reply(new Reply.Refused(Refusal.NOT_ALLOWED));
                return;
            }
            Verdicts.Verdict verdict = Verdicts.decide(policies.access(), decoded, this::askIdentd);
            IdentFinding ident = verdict.ident();
            SessionInfo info = new SessionInfo(live.id(), started, decoded, ident.answer());
            live.stage("deciding", decoded, ident.answer());
            verdict.actions().forEach(this::submit);
            switch (ident.trouble()) {
                case UNREACHABLE -> events.emit(new SessionEvent.IdentUnreachable(info, ident.reason()));
                case MISMATCH -> events.emit(new SessionEvent.IdentMismatch(info));
                case NONE -> { }
            }
            switch (verdict) {
                case Verdicts.Refuse refuse -> {
                    events.emit(new SessionEvent.Refused(info, refuse.reason()));
                    reply(new Reply.Refused(refuse.refusal()));
                }
                case Verdicts.Proceed proceed -> carryOut(info, resolved);
            }
        }

        /** A SOCKS 4 user-id is a claim, not a credential: no way around a required password. */
        private boolean unauthenticatedWhileRequired() {
            return request.version() != SocksVersion.SOCKS5 && !policies.authenticators().isEmpty()
                    && !context.config().socks4_without_auth();
        }

        /**
         * Waits for the ident client on this virtual thread (parking it, not a platform thread).
         * No client registered, or none that answers in time, counts as identd unreachable.
         */
        private IdentResult askIdentd() throws InterruptedException {
            IdentClient identClient = policies.ident();
            if (identClient == null) {
                return new IdentResult.Unreachable("no ident client registered");
            }
            try {
                return identClient.lookup(client.remote(), client.local()).toCompletableFuture()
                        .get(context.config().ident_wait_ms(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return new IdentResult.Unreachable("no answer within " + context.config().ident_wait_ms() + " ms");
            } catch (ExecutionException | RuntimeException e) {
                return new IdentResult.Unreachable("ident client failed: " + e);
            }
        }

        /** Only a policy that matches clients by name pays for the reverse lookup. */
        private ConnectRequest withClientNames(ConnectRequest request) throws InterruptedException {
            if (policies.access() == null || !policies.access().needsClientNames()) {
                return request;
            }
            return request.withClientNames(context.resolver().confirmedNames(client.remote().getAddress()));
        }

        private void submit(Action action) {
            if (policies.actions() != null) {
                policies.actions().submit(action);
            } else {
                context.unrunActions().warn("no action runner registered: the command of {} was not run", action.origin());
            }
        }

        private void carryOut(SessionInfo info, List<InetAddress> resolved) throws IOException, InterruptedException {
            switch (request.command()) {
                case CONNECT -> connect(info, resolved);
                case BIND -> bind(info, resolved);
                case UDP_ASSOCIATE -> associate(info);
            }
        }

        private void connect(SessionInfo info, List<InetAddress> resolved) throws IOException, InterruptedException {
            Endpoint destination = request.destination();
            switch (Upstream.connect(resolved, destination.port(), context.config().connect_timeout_ms(),
                    policies.routes(), destination.host())) {
                case Upstream.Failed failed -> {
                    events.emit(failed.timedOut() ? new SessionEvent.TimedOut(info)
                            : new SessionEvent.Failed(info, failed.call(), failed.error()));
                    reply(new Reply.Refused(failed.refusal()));
                }
                case Upstream.Connected connected -> {
                    SocketChannel target = connected.channel();
                    InetSocketAddress bound = (InetSocketAddress) target.getLocalAddress();
                    live.relaying(target, context.config().idle_timeout_s() * 1_000_000_000L);
                    reply(new Reply.Granted(bound));
                    relayed = true;
                    events.emit(new SessionEvent.Connected(info, bound, (InetSocketAddress) target.getRemoteAddress()));
                    relay(info, target, null);
                }
            }
        }

        /**
         * BIND: listen on the address that faces the expected peer, tell the client where, accept
         * one connection within the BIND timeout, check it comes from the expected host (any host
         * when the request named the wildcard address), tell the client who came, relay.
         */
        private void bind(SessionInfo info, List<InetAddress> resolved) throws IOException, InterruptedException {
            Optional<InetAddress> local = bindAddress(info, resolved);
            if (local.isEmpty()) {
                return;
            }
            ServerSocketChannel listener = ServerSocketChannel.open();
            live.hold(listener);
            InetSocketAddress listening;
            try {
                listener.bind(new InetSocketAddress(local.get(), 0), 1);
                listening = (InetSocketAddress) listener.getLocalAddress();
            } catch (IOException e) {
                listener.close();
                events.emit(new SessionEvent.Failed(info, "bind", e.getMessage() + " (" + local.get().getHostAddress() + ")"));
                reply(new Reply.Refused(Refusal.GENERAL_FAILURE));
                return;
            }
            reply(new Reply.Granted(listening));
            live.stage("waiting", info.request(), info.ident());
            SocketChannel peer;
            try (listener) {
                peer = acceptWithin(listener, context.config().bind_timeout_ms());
            } catch (IOException e) {
                // the session was closed while waiting (sockd:kill, shutdown): nobody is left to answer
                events.emit(new SessionEvent.Failed(info, "accept", String.valueOf(e.getMessage())));
                return;
            }
            if (peer == null) {
                events.emit(new SessionEvent.TimedOut(info));
                reply(new Reply.Refused(Refusal.GENERAL_FAILURE));
                return;
            }
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getRemoteAddress();
            if (!expectedPeer(resolved, peerAddress.getAddress())) {
                peer.close();
                events.emit(new SessionEvent.WrongPeer(info, peerAddress));
                reply(new Reply.Refused(Refusal.GENERAL_FAILURE));
                return;
            }
            peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
            live.relaying(peer, context.config().idle_timeout_s() * 1_000_000_000L);
            reply(new Reply.Granted(peerAddress));
            relayed = true;
            events.emit(new SessionEvent.Connected(info, listening, peerAddress));
            relay(info, peer, peerAddress);
        }

        /** The routed interface when there is a route table, else the address the client reached us at. */
        private Optional<InetAddress> bindAddress(SessionInfo info, List<InetAddress> resolved) throws IOException {
            if (policies.routes() == null) {
                return Optional.of(client.local().getAddress());
            }
            if (resolved.isEmpty()) {
                events.emit(new SessionEvent.Failed(info, "route", "unknown host " + request.destination().hostText()));
                reply(new Reply.Refused(Refusal.HOST_UNREACHABLE));
                return Optional.empty();
            }
            return switch (policies.routes().select(resolved.getFirst(), request.destination().host())) {
                case Route.Via via -> Optional.of(via.local());
                case Route.NoRoute none -> {
                    events.emit(new SessionEvent.Failed(info, "route", none.reason()));
                    reply(new Reply.Refused(Refusal.NETWORK_UNREACHABLE));
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
        private static boolean expectedPeer(List<InetAddress> resolved, InetAddress peer) {
            if (resolved.size() == 1 && resolved.getFirst().isAnyLocalAddress()) {
                return true;
            }
            // Java gives IPv4-mapped peers of a dual-stack socket as Inet4Address, so equals suffices
            return resolved.contains(peer);
        }

        /**
         * UDP ASSOCIATE: a relay socket on the address the client reached, datagrams accepted from
         * the client's host only, each destination decided by the access policy in force; the
         * association lives as long as the control connection (or until it idles out).
         */
        private void associate(SessionInfo info) throws IOException, InterruptedException {
            Optional<DatagramCodec> codec = handler.datagrams();
            if (codec.isEmpty()) {
                events.emit(new SessionEvent.Failed(info, request.command().classicName(), "command not supported"));
                reply(new Reply.Refused(Refusal.COMMAND_NOT_SUPPORTED));
                return;
            }
            CoreConfig config = context.config();
            UdpAssociation association;
            try {
                association = UdpAssociation.open(client.local().getAddress(), client.remote().getAddress(),
                        request.destination().port(), codec.get(), destination -> decideDatagram(info, destination),
                        new UdpLimits(config.udp_idle_timeout_ms(), config.udp_max_peers(), UdpLimits.defaults().maxDatagram()));
            } catch (IOException e) {
                events.emit(new SessionEvent.Failed(info, "bind", String.valueOf(e.getMessage())));
                reply(new Reply.Refused(Refusal.GENERAL_FAILURE));
                return;
            }
            live.hold(association);
            live.traffic(new UdpTraffic(association));
            reply(new Reply.Granted(association.relayAddress()));
            relayed = true;
            live.stage("relaying", info.request(), info.ident());
            events.emit(new SessionEvent.Connected(info, association.relayAddress(), association.relayAddress()));
            association.start();
            // an association that idles out closes the control connection, which ends the wait below
            Thread idleWatch = Thread.ofVirtual().name("sockd-udp-idle-" + live.id()).start(() -> {
                try {
                    association.awaitEnd(Long.MAX_VALUE);
                    live.close();
                } catch (InterruptedException e) {
                    // the control connection ended first
                }
            });
            awaitControlEnd();
            association.close();
            idleWatch.interrupt();
            UdpCounters counters = association.counters();
            events.emit(new SessionEvent.Terminated(info, counters.fromClientBytes(), counters.fromTargetsBytes()));
            if (counters.dropped() > 0) {
                events.emit(new SessionEvent.DatagramsDropped(info, counters.droppedByReason()));
            }
        }

        /** Reads and drops whatever the client sends on the control connection until it closes. */
        private void awaitControlEnd() {
            ByteBuffer sink = ByteBuffer.allocate(64);
            try {
                while (live.client().read(sink.clear()) >= 0) {
                    // RFC 1928 gives the control connection no further use
                }
            } catch (IOException e) {
                // closed by the client, by the idle watch or by an administrator
            }
        }

        /** One datagram's destination: resolved, decided by the policy in force now, routed. */
        private UdpGate.Verdict decideDatagram(SessionInfo info, Endpoint destination) throws InterruptedException {
            List<InetAddress> resolved = destination.isName()
                    ? context.resolver().resolve(destination.host())
                    : List.of(destination.address());
            if (resolved.isEmpty()) {
                return new UdpGate.Verdict.Drop("unknown host " + destination.hostText());
            }
            ConnectRequest asked = info.request();
            Policies now = context.current().get();
            if (now.access() == null) {
                return new UdpGate.Verdict.Drop("no access policy registered");
            }
            ConnectRequest datagram = new ConnectRequest(asked.client(), asked.version(), Command.UDP_ASSOCIATE,
                    destination, resolved, asked.user(), asked.authenticatedUser(), asked.clientNames());
            if (now.access().decide(datagram) instanceof Decision.Deny deny) {
                return new UdpGate.Verdict.Drop("denied: " + deny.reason());
            }
            InetAddress target = resolved.getFirst();
            if (now.routes() == null) {
                return new UdpGate.Verdict.Send(new InetSocketAddress(target, destination.port()), null);
            }
            return switch (now.routes().select(target, destination.host())) {
                case Route.Via via -> new UdpGate.Verdict.Send(new InetSocketAddress(target, destination.port()), via.local());
                case Route.NoRoute none -> new UdpGate.Verdict.Drop(none.reason());
            };
        }

        private void relay(SessionInfo info, SocketChannel target, InetSocketAddress peer) throws InterruptedException {
            live.stage("relaying", info.request(), info.ident());
            Relay relay = new Relay(live, context.buffers());
            live.traffic(relay);
            relay.run(live.client(), target);
            events.emit(new SessionEvent.Terminated(info, relay.fromClient(), relay.fromTarget(), peer));
        }

        private void reply(Reply reply) throws IOException {
            handler.reply(out, request, reply);
        }
    }
}
