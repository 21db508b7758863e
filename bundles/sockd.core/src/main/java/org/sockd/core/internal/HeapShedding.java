package org.sockd.core.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Turns new clients away at accept while live data fills the heap beyond {@code heap.shed.percent},
 * so that the sessions already served go on instead of the JVM failing them all with
 * OutOfMemoryError. What counts is the old generation just after a full collection: garbage waiting
 * for the next one is no pressure. Clients are accepted again once a collection leaves it under.
 */
final class HeapShedding {

    /**
     * How often a full collection may be asked for to learn how much of the old generation is live.
     * The figure is only as new as the last full collection, which comes by itself only when the old
     * generation is full: too late, where live data is what filled it. And while clients are turned
     * away nothing may fill it enough for the one that would show the live data shrank.
     */
    static final long COLLECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int percent;
    private final HeapGauge gauge;
    private final Executor collector;
    private final Logger log;
    private final LongSupplier nanoClock;
    private final AtomicLong collected;
    private volatile boolean shedding;

    /**
     * @param percent {@code heap.shed.percent}; 0 turns no client away
     * @param collector where a full collection is asked for, off the accepting thread
     */
    HeapShedding(int percent, HeapGauge gauge, Executor collector, Logger log, LongSupplier nanoClock) {
        this.percent = percent;
        this.gauge = gauge;
        this.collector = collector;
        this.log = log;
        this.nanoClock = nanoClock;
        this.collected = new AtomicLong(nanoClock.getAsLong() - COLLECT_EVERY_NANOS);
    }

    int percent() {
        return percent;
    }

    /**
     * At accept, two cheap looks: the old generation now, garbage included, which asks for a
     * collection when over the share; and the last collection's figure, which decides.
     *
     * @return true to close the new client
     */
    boolean full() {
        if (percent == 0) {
            return false;
        }
        if (gauge.percentNow() >= percent) {
            collectSoon();
        }
        return judge();
    }

    /** Called now and then (by the sweeper): while clients are turned away, learns whether the heap emptied. */
    void recheck() {
        if (shedding) {
            collectSoon();
        }
    }

    /** @return whether the last client accepted was turned away for want of heap */
    boolean shedding() {
        return shedding;
    }

    /** @return the old generation's percentage after its last collection, for the warning */
    int percentAfterCollection() {
        return gauge.percentAfterCollection();
    }

    private void collectSoon() {
        long now = nanoClock.getAsLong();
        long last = collected.get();
        if (now - last >= COLLECT_EVERY_NANOS && collected.compareAndSet(last, now)) {
            collector.execute(() -> {
                gauge.collect();
                judge();
            });
        }
    }

    private boolean judge() {
        boolean full = gauge.percentAfterCollection() >= percent;
        if (shedding && !full) {
            log.info("heap under {}% (heap.shed.percent) after a collection: accepting new clients again", percent);
        }
        shedding = full;
        return full;
    }
}
