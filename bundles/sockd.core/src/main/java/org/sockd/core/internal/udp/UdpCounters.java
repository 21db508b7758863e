package org.sockd.core.internal.udp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one UDP association relayed and dropped so far. Bytes are payload bytes, without the
 * SOCKS header.
 *
 * @param fromClientDatagrams datagrams relayed from the client to targets
 * @param fromClientBytes their payload bytes
 * @param fromTargetsDatagrams datagrams relayed from targets to the client
 * @param fromTargetsBytes their payload bytes
 * @param notFromClient dropped: arrived at the relay port from another address or port than the client's
 * @param fragment dropped: FRAG was not 0 (fragmentation is not implemented)
 * @param malformed dropped: the header could not be decoded
 * @param oversize dropped: larger than {@link UdpLimits#maxDatagram()}
 * @param denied dropped: the gate refused the destination
 * @param upstreamUnsupported dropped: socks.conf sends the destination to an upstream, which
 *        cannot carry UDP (never sent direct instead)
 * @param tooManyPeers dropped: a new target past {@link UdpLimits#maxPeers()}
 * @param notFromPeer dropped: arrived from an address and port the client never sent to
 * @param sendFailed dropped: the send failed (unreachable network, address family, buffer space)
 */
public record UdpCounters(long fromClientDatagrams, long fromClientBytes, long fromTargetsDatagrams, long fromTargetsBytes,
        long notFromClient, long fragment, long malformed, long oversize, long denied, long upstreamUnsupported,
        long tooManyPeers, long notFromPeer, long sendFailed) {

    /** @return the dropped datagrams by reason, only reasons that occurred, for the log */
    public Map<String, Long> droppedByReason() {
        Map<String, Long> counts = everyReason();
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    /** @return the dropped datagrams by reason, every reason, those that did not occur with 0 */
    public Map<String, Long> everyReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("not-from-client", notFromClient);
        counts.put("fragment", fragment);
        counts.put("malformed", malformed);
        counts.put("oversize", oversize);
        counts.put("denied", denied);
        counts.put("upstream-unsupported", upstreamUnsupported);
        counts.put("too-many-peers", tooManyPeers);
        counts.put("not-from-peer", notFromPeer);
        counts.put("send-failed", sendFailed);
        return counts;
    }

    /** @return every datagram dropped, whatever the reason */
    public long dropped() {
        return notFromClient + fragment + malformed + oversize + denied + upstreamUnsupported + tooManyPeers + notFromPeer + sendFailed;
    }
}
