package org.sockd.core.internal.udp;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The live counts behind {@link UdpCounters}, written by the association's relay threads. */
final class UdpTally {

    /** Why a datagram was not relayed; one count each. */
    enum Drop {
        NOT_FROM_CLIENT, FRAGMENT, MALFORMED, OVERSIZE, DENIED, UPSTREAM_UNSUPPORTED, TOO_MANY_PEERS, NOT_FROM_PEER,
        SEND_FAILED
    }

    private final LongAdder fromClientDatagrams = new LongAdder();
    private final LongAdder fromClientBytes = new LongAdder();
    private final LongAdder fromTargetsDatagrams = new LongAdder();
    private final LongAdder fromTargetsBytes = new LongAdder();
    private final AtomicLongArray drops = new AtomicLongArray(Drop.values().length);

    void fromClient(int payloadBytes) {
        fromClientDatagrams.increment();
        fromClientBytes.add(payloadBytes);
    }

    void fromTarget(int payloadBytes) {
        fromTargetsDatagrams.increment();
        fromTargetsBytes.add(payloadBytes);
    }

    void dropped(Drop why) {
        drops.incrementAndGet(why.ordinal());
    }

    UdpCounters snapshot() {
        return new UdpCounters(fromClientDatagrams.sum(), fromClientBytes.sum(), fromTargetsDatagrams.sum(),
                fromTargetsBytes.sum(), count(Drop.NOT_FROM_CLIENT), count(Drop.FRAGMENT), count(Drop.MALFORMED),
                count(Drop.OVERSIZE), count(Drop.DENIED), count(Drop.UPSTREAM_UNSUPPORTED), count(Drop.TOO_MANY_PEERS),
                count(Drop.NOT_FROM_PEER), count(Drop.SEND_FAILED));
    }

    private long count(Drop why) {
        return drops.get(why.ordinal());
    }
}
