package org.sockd.core.internal.chain;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.sockd.api.upstream.Upstream;
import org.sockd.common.net.AddressText;

/**
 * One upstream (or one of its addresses) that did not carry the request, for the log line
 * {@code Failed to connect to sockd at <server>: <reason>} (a notice at most for one passed over).
 *
 * @param upstream the upstream
 * @param address the address tried, or {@code null} when none was: the upstream's name did not
 *        resolve, or it was passed over
 * @param reason why, e.g. {@code Connection refused}, {@code reply 92}; never a password
 * @param kind whose fault it was
 */
public record Attempt(Upstream upstream, InetSocketAddress address, String reason, Kind kind) {

    /** Whose fault a failed attempt was, which decides whether it counts against the upstream. */
    public enum Kind {
        /** The upstream cannot carry this request (protocol, address family, login): no try was made. */
        PASSED_OVER,
        /**
         * It failed here: no route to it, the routed local address cannot be bound, or the session
         * ended in the middle of the try. Not counted.
         */
        LOCAL,
        /** The upstream failed: no connection, bad or failing answer, unknown name. Counted. */
        UPSTREAM
    }

    public Attempt {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kind, "kind");
    }

    /** @return the upstream as the log names it: {@code fw2 (10.0.0.2:1080)}, or just {@code fw2} */
    public String server() {
        return server(upstream, address);
    }

    static String server(Upstream upstream, InetSocketAddress address) {
        return address == null ? upstream.name() : upstream.name() + " (" + AddressText.of(address) + ")";
    }
}
