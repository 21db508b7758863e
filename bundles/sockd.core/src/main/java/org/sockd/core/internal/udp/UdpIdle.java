package org.sockd.core.internal.udp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The idle timeout of one association: a datagram relayed either way renews it. The clock is
 * injected so that tests move time on instead of waiting for it.
 */
final class UdpIdle {

    private final LongSupplier nanoClock;
    private final long allowanceNanos;
    private volatile long lastRelayed;

    /** @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} in production */
    UdpIdle(LongSupplier nanoClock, int idleTimeoutMillis) {
        this.nanoClock = nanoClock;
        this.allowanceNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMillis);
        this.lastRelayed = nanoClock.getAsLong();
    }

    /** A datagram went through: the allowance starts again. */
    void relayed() {
        lastRelayed = nanoClock.getAsLong();
    }

    /** @return how long the association may stay silent from now; zero or negative once it has idled out */
    Duration left() {
        return Duration.ofNanos(lastRelayed + allowanceNanos - nanoClock.getAsLong());
    }

    /**
     * Returns once the association has been silent for the whole allowance; sleeps until the
     * allowance could run out, then looks again.
     *
     * @throws InterruptedException when the association is closed first
     */
    void awaitSilence() throws InterruptedException {
        for (Duration left = left(); left.isPositive(); left = left()) {
            Thread.sleep(left);
        }
    }
}
