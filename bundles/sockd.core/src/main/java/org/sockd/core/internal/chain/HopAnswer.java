package org.sockd.core.internal.chain;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.sockd.api.protocol.Refusal;

/** How one upstream answered a request once the TCP connection to it was made. */
public sealed interface HopAnswer {

    /**
     * A success reply.
     *
     * @param bound what the upstream reported: where it connects from (CONNECT), where it listens
     *        (a BIND's first reply) or who connected in (a BIND's second reply); unresolved when it
     *        reported a name, {@code 0.0.0.0:0} when it reported nothing
     */
    public record Accepted(InetSocketAddress bound) implements HopAnswer {
        public Accepted {
            Objects.requireNonNull(bound, "bound");
        }
    }

    /**
     * The upstream refused the request itself: final, no other upstream is tried.
     *
     * @param code the upstream's reply code (SOCKS 4 CD, SOCKS 5 REP, HTTP status)
     * @param refusal what our client is told
     */
    public record Refused(int code, Refusal refusal) implements HopAnswer {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * The upstream failed (bad bytes, closed early, timed out, a failure code): the next one is tried.
     *
     * @param reason for the log, e.g. {@code reply 92}; never a password
     */
    public record Failed(String reason) implements HopAnswer {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
