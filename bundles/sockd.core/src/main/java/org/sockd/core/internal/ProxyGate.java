package org.sockd.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ClientInfo;
import org.sockd.api.protocol.ProxyHeader;
import org.sockd.api.protocol.ProxyHeaderReader;
import org.sockd.common.net.AddressText;

/**
 * The PROXY protocol on one listener (proxy.protocol = required): a connection must come from a
 * trusted balancer and open with a header, whose client is then served in the peer's place.
 * Anything else is closed unserved, counted and logged with the listener and the peer; a header
 * that names no client (a balancer's health check) is closed quietly.
 */
final class ProxyGate {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyGate.class);

    private static final String NONE_IN_TIME = "no PROXY protocol header within the handshake timeout";

    private final String listener;
    private final TrustedNetworks trusted;
    private final Supplier<ProxyHeaderReader> readers;
    private final LongAdder refused = new LongAdder();

    /**
     * @param listener the listener as the log names it
     * @param readers the header reader registered now, or {@code null} when there is none
     */
    ProxyGate(String listener, TrustedNetworks trusted, Supplier<ProxyHeaderReader> readers) {
        this.listener = listener;
        this.trusted = trusted;
        this.readers = readers;
    }

    /** At accept, before the connection costs a session: is its peer a trusted balancer? */
    boolean trusts(SocketChannel connection) {
        InetSocketAddress peer;
        try {
            peer = (InetSocketAddress) connection.getRemoteAddress();
        } catch (IOException e) {
            refuse("an unknown peer", "its address cannot be read: " + e.getMessage());
            return false;
        }
        if (peer == null || !trusted.contains(peer.getAddress())) {
            refuse(peer == null ? "a peer already gone" : AddressText.of(peer),
                    "not from a network in proxy.trusted (" + trusted + ")");
            return false;
        }
        return true;
    }

    /**
     * Reads the header at the start of the session; the session's handshake deadline bounds the
     * wait by closing the connection.
     *
     * @return the client to serve, or empty when the connection is to be closed unserved
     */
    Optional<Arrival> admit(LiveSession live, InputStream in, ClientInfo accepted) {
        String peer = AddressText.of(accepted.remote());
        ProxyHeaderReader reader = readers.get();
        if (reader == null) {
            refuse(peer, "no PROXY protocol reader is registered");
            return Optional.empty();
        }
        ProxyHeader header;
        try {
            header = reader.read(in);
        } catch (IOException | RuntimeException e) {
            refuse(peer, live.expired() ? NONE_IN_TIME : "reading the PROXY protocol header failed: " + e.getMessage());
            return Optional.empty();
        }
        return switch (header) {
            case ProxyHeader.Proxied proxied -> {
                LOG.info("listener {}: session {} serves {}, whose PROXY header came from {}", listener, live.id(),
                        AddressText.of(proxied.source()), peer);
                live.announcedClient(proxied.source());
                yield Optional.of(new Arrival(new ClientInfo(proxied.source(), accepted.local()),
                        new InetSocketAddress(accepted.local().getAddress(), proxied.destination().getPort())));
            }
            case ProxyHeader.Local local -> {
                LOG.debug("listener {}: {} from {}: no client to serve, closed", listener, local.reason(), peer);
                yield Optional.empty();
            }
            case ProxyHeader.Malformed malformed -> {
                refuse(peer, live.expired() ? NONE_IN_TIME : "bad PROXY protocol header: " + malformed.reason());
                yield Optional.empty();
            }
        };
    }

    /** @return connections closed unserved since the listener opened */
    long refused() {
        return refused.sum();
    }

    private void refuse(String peer, String reason) {
        refused.increment();
        LOG.warn("listener {}: closed the connection from {} unserved: {}", listener, peer, reason);
    }
}
