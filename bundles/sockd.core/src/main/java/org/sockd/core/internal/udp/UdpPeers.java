package org.sockd.core.internal.udp;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets the client has sent to in one association. Only they may send datagrams back to
 * the client, like a NAT (man/sockd.8, "UDP ASSOCIATE"), and there are at most so many of them.
 */
final class UdpPeers {

    private final Set<InetSocketAddress> targets = ConcurrentHashMap.newKeySet();
    private final int max;

    UdpPeers(int max) {
        this.max = max;
    }

    /**
     * Called by the client thread only, so the size check and the add cannot race.
     *
     * @return false when the target is new and the association already has the most it may have
     */
    boolean admit(InetSocketAddress target) {
        if (targets.contains(target)) {
            return true;
        }
        if (targets.size() >= max) {
            return false;
        }
        targets.add(target);
        return true;
    }

    /** @return whether the client has sent to exactly this address and port */
    boolean knows(InetSocketAddress source) {
        return targets.contains(source);
    }
}
