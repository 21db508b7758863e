package org.sockd.core.internal.udp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.sockd.api.Endpoint;

/**
 * Decides one datagram's destination: resolves a name, asks the access policy (command
 * UDP_ASSOCIATE) and the next-hop selector, and says where to send it. Called on the
 * association's client thread, which remembers the answers for a short while (see
 * {@link UdpDecisions}).
 */
@FunctionalInterface
public interface UdpGate {

    /** What to do with one datagram. */
    sealed interface Verdict {

        /**
         * @param target where to send the payload
         * @param localAddress the local address to send from, or {@code null} for the wildcard
         */
        record Send(InetSocketAddress target, InetAddress localAddress) implements Verdict {
            public Send {
                Objects.requireNonNull(target, "target");
                if (target.isUnresolved()) {
                    throw new IllegalArgumentException("target must be resolved: " + target);
                }
            }
        }

        /** @param reason why the datagram is not sent, for diagnostics */
        record Drop(String reason) implements Verdict {
            public Drop {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /**
         * The next hop of the destination is an upstream, which cannot carry UDP: the datagram is
         * dropped, and never sent direct instead.
         *
         * @param reason which line chose the upstream, for diagnostics
         */
        record ThroughUpstream(String reason) implements Verdict {
            public ThroughUpstream {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * @param destination where the client wants the datagram sent, as it named it
     * @return where to send it, or why not; should not throw (a failure counts as a drop)
     * @throws InterruptedException when the association is closed during a lookup
     */
    Verdict decide(Endpoint destination) throws InterruptedException;
}
