package org.sockd.core.internal.udp;

/**
 * The bounds of one UDP association (man/sockd.8, "UDP ASSOCIATE" and "Timeouts and limits").
 *
 * @param idleTimeoutMillis the association ends after this long without a relayed datagram either way
 * @param maxPeers how many distinct targets the client may send to in one association
 * @param maxDatagram the largest payload relayed either way, in bytes; larger ones are dropped
 * @param decisionTtlMillis how long the gate's answer for one destination is reused; 0 asks the
 *        gate for every datagram. Bounded so that a policy swap or reload reaches running
 *        associations and a name is resolved again now and then.
 */
public record UdpLimits(int idleTimeoutMillis, int maxPeers, int maxDatagram, int decisionTtlMillis) {

    static final int DEFAULT_IDLE_MILLIS = 120_000;
    static final int DEFAULT_MAX_PEERS = 256;
    /** The largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header). */
    static final int DEFAULT_MAX_DATAGRAM = 65_507;
    static final int DEFAULT_DECISION_TTL_MILLIS = 1_000;

    public UdpLimits {
        if (idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("UDP idle timeout must be greater than 0 ms, not " + idleTimeoutMillis);
        }
        if (maxPeers <= 0) {
            throw new IllegalArgumentException("UDP peers per association must be greater than 0, not " + maxPeers);
        }
        if (maxDatagram <= 0 || maxDatagram > 65_535) {
            throw new IllegalArgumentException("UDP datagram size must be 1..65535 bytes, not " + maxDatagram);
        }
        if (decisionTtlMillis < 0) {
            throw new IllegalArgumentException("UDP decision lifetime must not be negative, not " + decisionTtlMillis);
        }
    }

    /** With the default decision lifetime. */
    public UdpLimits(int idleTimeoutMillis, int maxPeers, int maxDatagram) {
        this(idleTimeoutMillis, maxPeers, maxDatagram, DEFAULT_DECISION_TTL_MILLIS);
    }

    /** @return two minutes idle, 256 peers, the largest IPv4 payload, a one-second decision lifetime */
    public static UdpLimits defaults() {
        return new UdpLimits(DEFAULT_IDLE_MILLIS, DEFAULT_MAX_PEERS, DEFAULT_MAX_DATAGRAM);
    }
}
