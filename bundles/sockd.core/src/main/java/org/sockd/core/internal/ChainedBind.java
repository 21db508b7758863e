package org.sockd.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;
import org.sockd.common.io.Closing;
import org.sockd.core.internal.chain.Dialed;
import org.sockd.core.internal.chain.HopAnswer;

/**
 * BIND through upstreams: the upstream that accepts listens for the peer. Its first reply goes to
 * the client at once; its second names the peer, which must be the host the request named, as for
 * a BIND served here.
 */
final class ChainedBind {

    private final Exchange exchange;

    ChainedBind(Exchange exchange) {
        this.exchange = exchange;
    }

    void serve(Dialed.Connected connected) throws IOException, InterruptedException {
        exchange.reply(new Reply.Granted(connected.bound()));
        exchange.stage(SessionState.WAITING);
        switch (connected.awaitPeer(Duration.ofMillis(exchange.config().bind_timeout_ms()))) {
            case HopAnswer.Accepted accepted -> relay(connected, accepted.bound());
            case HopAnswer.Refused refused -> {
                Closing.quietly(connected.channel());
                exchange.refuse("upstream", new SessionEvent.Refused(exchange.info(), "refused by an upstream",
                        "sockd at " + connected.serverText() + " (reply " + refused.code() + ")"), refused.refusal());
            }
            case HopAnswer.Failed failed -> {
                Closing.quietly(connected.channel());
                exchange.fail(new SessionEvent.Failed(exchange.info(), "accept", failed.reason()),
                        Refusal.GENERAL_FAILURE);
            }
        }
    }

    private void relay(Dialed.Connected connected, InetSocketAddress peer) throws IOException, InterruptedException {
        if (peer.isUnresolved() || !BindCommand.expectedPeer(exchange.resolved(), peer.getAddress())) {
            Closing.quietly(connected.channel());
            exchange.fail(new SessionEvent.WrongPeer(exchange.info(), peer), Refusal.GENERAL_FAILURE);
            return;
        }
        exchange.live().relaying(connected.channel(), exchange.config().idle_timeout_s() * 1_000_000_000L);
        exchange.grant(peer);
        exchange.emit(new SessionEvent.Connected(exchange.info(), connected.bound(), peer, connected.serverText()));
        exchange.relay(connected.channel(), peer);
    }
}
