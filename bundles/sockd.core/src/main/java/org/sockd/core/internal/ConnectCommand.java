package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.sockd.api.Endpoint;
import org.sockd.api.log.SessionEvent;

/** CONNECT: connect to one of the checked addresses, each by its route, tell the client, relay. */
final class ConnectCommand {

    private final Exchange exchange;

    ConnectCommand(Exchange exchange) {
        this.exchange = exchange;
    }

    void serve() throws IOException, InterruptedException {
        Endpoint destination = exchange.request().destination();
        switch (Upstream.connect(exchange.resolved(), destination.port(), exchange.config().connect_timeout_ms(),
                exchange.policies().routes(), destination.host())) {
            case Upstream.Failed failed -> exchange.fail(failed.timedOut()
                    ? new SessionEvent.TimedOut(exchange.info())
                    : new SessionEvent.Failed(exchange.info(), failed.call(), failed.error()), failed.refusal());
            case Upstream.Connected connected -> relay(connected.channel());
        }
    }

    private void relay(SocketChannel target) throws IOException, InterruptedException {
        InetSocketAddress bound = (InetSocketAddress) target.getLocalAddress();
        exchange.live().relaying(target, exchange.config().idle_timeout_s() * 1_000_000_000L);
        exchange.grant(bound);
        exchange.emit(new SessionEvent.Connected(exchange.info(), bound, (InetSocketAddress) target.getRemoteAddress()));
        exchange.relay(target, null);
    }
}
