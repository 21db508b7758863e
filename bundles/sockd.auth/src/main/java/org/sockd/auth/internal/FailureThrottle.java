package org.sockd.auth.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per client address: after {@code maxFailures} failures within a sliding
 * window, that address is refused, without any key derivation, until the oldest of those failures
 * has left the window. A success forgets the address. Refused attempts are not counted, so a client
 * that keeps trying is let in again once the window has passed.
 * <p>
 * Memory is bounded: at most {@code capacity} addresses are tracked; the one seen least recently
 * is forgotten first. (An attacker with many addresses can thereby push a blocked address
 * out, but every failure it makes for that costs it a full key derivation.)
 */
final class FailureThrottle {

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, FailureTimes> failures;

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
        // Access order: every look-up moves an address to the young end.
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, FailureTimes> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return whether {@code client} has failed too often lately to be given another try */
    synchronized boolean refuses(InetAddress client) {
        FailureTimes times = failures.get(client);
        return times != null && times.full() && nanoClock.getAsLong() - times.oldest() < windowNanos;
    }

    /** @return whether this failure used up the last try, so that the client is refused from now on */
    synchronized boolean failed(InetAddress client) {
        failures.computeIfAbsent(client, key -> new FailureTimes(maxFailures)).add(nanoClock.getAsLong());
        return refuses(client);
    }

    synchronized void succeeded(InetAddress client) {
        failures.remove(client);
    }

    /** @return how many addresses are tracked */
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
