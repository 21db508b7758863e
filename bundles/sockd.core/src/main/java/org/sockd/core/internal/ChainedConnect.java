package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.upstream.NextHop;
import org.sockd.core.internal.chain.Dialed;

/** CONNECT through upstreams: the first that accepts carries the relay, and its bound address is the reply. */
final class ChainedConnect {

    private final Exchange exchange;
    private final NextHop.Try hop;

    ChainedConnect(Exchange exchange, NextHop.Try hop) {
        this.exchange = exchange;
        this.hop = hop;
    }

    void serve() throws IOException, InterruptedException {
        Dialed.Connected connected = Chain.dial(exchange, hop).orElse(null);
        if (connected == null) {
            return;
        }
        SocketChannel upstream = connected.channel();
        exchange.live().relaying(upstream, exchange.config().idle_timeout_s() * 1_000_000_000L);
        exchange.grant(connected.bound());
        exchange.emit(new SessionEvent.Connected(exchange.info(), (InetSocketAddress) upstream.getLocalAddress(),
                connected.server()));
        exchange.relay(upstream, null);
    }
}
