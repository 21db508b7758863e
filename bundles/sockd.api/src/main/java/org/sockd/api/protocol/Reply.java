package org.sockd.api.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

/** What the core answers to a request. */
public sealed interface Reply {

    /**
     * The request succeeded.
     *
     * @param bound the local address of the outgoing connection (CONNECT), or of the listening
     *        socket (BIND)
     */
    record Granted(InetSocketAddress bound) implements Reply {
        public Granted {
            Objects.requireNonNull(bound, "bound");
        }
    }

    /**
     * The request failed or was refused; the core closes the connection after the reply.
     *
     * @param refusal why
     */
    record Refused(Refusal refusal) implements Reply {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
