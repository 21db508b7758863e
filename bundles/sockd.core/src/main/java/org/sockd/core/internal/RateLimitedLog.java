package org.sockd.core.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/** A warning that a flood of clients could repeat thousands of times a second, said once a period. */
final class RateLimitedLog {

    private final Logger log;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, long periodNanos) {
        this(log, periodNanos, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds; tests move it on instead of waiting */
    RateLimitedLog(Logger log, long periodNanos, LongSupplier nanoClock) {
        this.log = log;
        this.periodNanos = periodNanos;
        this.nanoClock = nanoClock;
    }

    void warn(String pattern, Object argument) {
        String due = due(pattern);
        if (due != null) {
            log.warn(due, argument);
        }
    }

    void warn(String pattern, Object first, Object second) {
        String due = due(pattern);
        if (due != null) {
            log.warn(due, first, second);
        }
    }

    /**
     * @return the pattern to log now, telling how many were left out since the last, or {@code null}
     *         to leave this one out
     */
    private String due(String pattern) {
        long now = nanoClock.getAsLong();
        long next = nextAllowed.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextAllowed.compareAndSet(next, now + periodNanos)) {
            long quiet = suppressed.getAndSet(0);
            return pattern + (quiet > 0 ? " (" + quiet + " more since the last warning)" : "");
        }
        suppressed.incrementAndGet();
        return null;
    }
}
