package org.sockd.core.internal.chain;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Upstream;

/** How a request through upstreams ended; each outcome lists the upstreams that failed before it. */
public sealed interface Dialed {

    /** @return the upstreams (or their addresses) that failed or were skipped, in the order tried */
    List<Attempt> failures();

    /**
     * An upstream accepted. For CONNECT the channel is ready to relay; for BIND the upstream now
     * listens at {@code bound}, and {@link #awaitPeer} waits for the peer.
     *
     * @param channel connected to the upstream, right after its (first) reply; the caller closes it
     * @param upstream the one that accepted
     * @param server the address of it that was connected
     * @param bound what our client is told: the upstream's reported address; where the upstream
     *        reported the wildcard, the upstream's own address for BIND and our end of the
     *        connection for CONNECT
     */
    record Connected(SocketChannel channel, Upstream upstream, InetSocketAddress server, InetSocketAddress bound,
            List<Attempt> failures) implements Dialed {
        public Connected {
            Objects.requireNonNull(channel, "channel");
            failures = List.copyOf(failures);
        }

        /** @return {@code sockd at} this: {@code name (address:port)} */
        public String serverText() {
            return Attempt.server(upstream, server);
        }

        /**
         * BIND only: waits for the upstream's second reply, naming the peer that connected to it.
         * {@link HopAnswer.Accepted#bound()} is then the peer; checking it against the request is
         * the caller's part.
         */
        public HopAnswer awaitPeer(Duration timeout) throws IOException {
            return Negotiation.second(this, timeout);
        }
    }

    /**
     * An upstream refused the request: final, no other upstream was tried after it.
     *
     * @param code its reply code, for {@code refused -- ... by sockd at <server> (reply <code>)}
     * @param refusal what our client is told
     */
    record Refused(Upstream upstream, InetSocketAddress server, int code, Refusal refusal, List<Attempt> failures)
            implements Dialed {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            failures = List.copyOf(failures);
        }

        public String serverText() {
            return Attempt.server(upstream, server);
        }
    }

    /**
     * No upstream accepted or refused: every try failed, or none could be made.
     *
     * @param refusal what our client is told: host unreachable when the only upstreams needed an
     *        address the destination name did not give, else a general failure
     * @param tried how many upstreams were tried, for {@code no SOCKS server reachable (<n> tried)}
     */
    record Failed(Refusal refusal, int tried, List<Attempt> failures) implements Dialed {
        public Failed {
            Objects.requireNonNull(refusal, "refusal");
            failures = List.copyOf(failures);
        }
    }
}
