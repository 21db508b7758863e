package org.sockd.auth.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per key (a client address, or a user name): after {@code maxFailures}
 * failures within a sliding window, that key is refused, without any key derivation, until the
 * oldest of those failures has left the window. A success forgets the key. Refused attempts are not
 * counted, so a client that keeps trying is let in again once the window has passed.
 * <p>
 * Memory is bounded: at most {@code capacity} keys are tracked; the one seen least recently
 * is forgotten first. (An attacker with many addresses or names can thereby push a blocked key
 * out, but every failure it makes for that costs it a full key derivation.)
 *
 * @param <K> what failures are counted by
 */
final class FailureThrottle<K> {

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<K, FailureTimes> failures;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime} outside tests
     */
    FailureThrottle(int maxFailures, Duration window, int capacity, LongSupplier nanoClock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || capacity < 1) {
            throw new IllegalArgumentException("max failures, window and capacity must be greater than 0");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        // Access order: every look-up moves a key to the young end.
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, FailureTimes> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return whether {@code key} has failed too often lately to be given another try */
    synchronized boolean refuses(K key) {
        FailureTimes times = failures.get(key);
        return times != null && times.full() && nanoClock.getAsLong() - times.oldest() < windowNanos;
    }

    /** @return whether this failure used up the last try, so that the key is refused from now on */
    synchronized boolean failed(K key) {
        failures.computeIfAbsent(key, absent -> new FailureTimes(maxFailures)).add(nanoClock.getAsLong());
        return refuses(key);
    }

    synchronized void succeeded(K key) {
        failures.remove(key);
    }

    /** @return how many keys are tracked */
    synchronized int tracked() {
        return failures.size();
    }

    /** The times of the latest failures of one address, at most {@code capacity} of them. */
    private static final class FailureTimes {
        private final long[] times;
        private int next;
        private int count;

        FailureTimes(int capacity) {
            times = new long[capacity];
        }

        void add(long time) {
            times[next] = time;
            next = (next + 1) % times.length;
            count = Math.min(count + 1, times.length);
        }

        boolean full() {
            return count == times.length;
        }

        /** The oldest remembered failure; the next to be overwritten. */
        long oldest() {
            return times[full() ? next : 0];
        }
    }
}
