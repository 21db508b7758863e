package org.sockd.core.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Turns new clients away at accept while live data fills the heap beyond {@code heap.shed.percent},
 * so that the sessions already served go on instead of the JVM failing them all with
 * OutOfMemoryError. What counts is the old generation just after a collection: garbage waiting for
 * the next one is no pressure. Clients are accepted again once a collection leaves it under.
 */
final class HeapShedding {

    /**
     * While clients are turned away nothing new may fill the heap enough to cause the full
     * collection that would show the live data shrank, so one is asked for this often.
     */
    static final long COLLECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int percent;
    private final HeapGauge gauge;
    private final Logger log;
    private final LongSupplier nanoClock;
    private volatile boolean shedding;
    private long collected;

    /** @param percent {@code heap.shed.percent}; 0 turns no client away */
    HeapShedding(int percent, HeapGauge gauge, Logger log, LongSupplier nanoClock) {
        this.percent = percent;
        this.gauge = gauge;
        this.log = log;
        this.nanoClock = nanoClock;
        this.collected = nanoClock.getAsLong() - COLLECT_EVERY_NANOS;
    }

    int percent() {
        return percent;
    }

    /** At accept, a cheap look at the last collection's figure: @return true to close the new client */
    boolean full() {
        if (percent == 0) {
            return false;
        }
        boolean full = gauge.percentAfterCollection() >= percent;
        if (shedding && !full) {
            log.info("heap under {}% (heap.shed.percent) after a collection: accepting new clients again", percent);
        }
        shedding = full;
        return full;
    }

    /** @return whether the last client accepted was turned away for want of heap */
    boolean shedding() {
        return shedding;
    }

    /** Called now and then (by the sweeper): while shedding, a full collection at most every few seconds. */
    void recheck() {
        long now = nanoClock.getAsLong();
        if (shedding && now - collected >= COLLECT_EVERY_NANOS) {
            collected = now;
            gauge.collect();
            full();
        }
    }

    /** @return the old generation's percentage after its last collection, for the warning */
    int percentAfterCollection() {
        return gauge.percentAfterCollection();
    }
}
