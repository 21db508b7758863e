package org.sockd.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.sockd.api.ClientInfo;
import org.sockd.api.admin.SessionState;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.log.SessionInfo;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;

/**
 * A decided request and what a command needs to carry it out: the request with its resolved
 * addresses, the session's services, and the one way to answer the client and tell the listeners.
 *
 * @param events the session's listeners
 * @param handler the protocol the client spoke, which writes the replies to {@code out}
 * @param request the request as read, which the replies answer
 * @param info the session as the listeners see it: the decoded request and the ident answer
 * @param resolved the addresses of the destination that the access policy checked
 * @param listener what the listener that accepted the client tells it (the address BIND and UDP
 *        ASSOCIATE replies advertise)
 */
record Exchange(LiveSession live, SessionContext context, Policies policies, Events events, ProtocolHandler handler,
        OutputStream out, SocksRequest request, SessionInfo info, List<InetAddress> resolved, ListenerTerms listener) {

    Exchange {
        resolved = List.copyOf(resolved);
    }

    CoreConfig config() {
        return context.config();
    }

    ClientInfo client() {
        return info.request().client();
    }

    void emit(SessionEvent event) {
        events.emit(event);
    }

    void reply(Reply reply) throws IOException {
        handler.reply(out, request, reply);
    }

    /** Tells the listeners why the request fails, then the client. */
    void fail(SessionEvent why, Refusal refusal) throws IOException {
        events.emit(why);
        reply(new Reply.Refused(refusal));
    }

    /**
     * As {@link #fail}, for a request refused rather than failed.
     *
     * @param cause the reason as the metrics count it: {@code rule}, {@code ident}, {@code auth}, {@code upstream}, ...
     */
    void refuse(String cause, SessionEvent.Refused why, Refusal refusal) throws IOException {
        context.tally().refused(cause);
        fail(why, refusal);
    }

    /**
     * The last reply, after which only relayed traffic flows: the session's end then closes the
     * connection at once, with no refusal left to protect from a reset.
     */
    void grant(InetSocketAddress bound) throws IOException {
        reply(new Reply.Granted(bound));
        live.granted();
    }

    void stage(SessionState state) {
        live.stage(state, info.request(), info.ident());
    }

    /**
     * Hands the session to a relay between the client and {@code target} and returns: the relay's
     * end tells the listeners how much went each way and ends the session, so no thread waits for
     * a session that only relays.
     *
     * @param peer for BIND, the host that connected in; otherwise {@code null}
     */
    void relay(SocketChannel target, InetSocketAddress peer) throws IOException {
        live.connected((InetSocketAddress) target.getRemoteAddress());
        stage(SessionState.RELAYING);
        Relay relay = context.relays().relay(live);
        live.traffic(relay);
        live.handOver();
        relay.start(live.client(), target, () -> {
            try {
                events.emit(new SessionEvent.Terminated(info, relay.fromClient(), relay.fromTarget(), peer));
                ended();
            } finally {
                Session.end(live, context, events);
            }
        });
    }

    /** Tells the listeners why the granted session ended and after how long, after what it moved. */
    void ended() {
        LiveSession.End end = live.ending();
        events.emit(new SessionEvent.Ended(info, end.reason(), live.age(), live.connected(), end.detail()));
    }
}
