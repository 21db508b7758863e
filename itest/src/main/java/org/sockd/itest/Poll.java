package org.sockd.itest;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for what a test expects (a listener bound, an event, room for a session) instead of for a
 * time. The tests in this bundle run inside Felix, where the test-jar's {@code Await} of
 * sockd.common is not installed; this is their one waiting helper.
 */
final class Poll {

    /** Long enough for a loaded 2-core machine, short enough to fail a run quickly. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Looks once; {@code null} means "not yet". */
    interface Probe<T> {
        T look() throws Exception;
    }

    /** Looks once; {@code false} means "not yet". */
    interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /**
     * Looks until the probe finds a value.
     *
     * @return the first value found
     * @throws AssertionError with the text of {@code what}, read at that moment, when nothing is found in time
     */
    static <T> T until(Probe<T> probe, Duration timeout, Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (T found = probe.look(); ; found = probe.look()) {
            if (found != null) {
                return found;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what.get());
            }
            Thread.sleep(10);
        }
    }

    /** {@link #until(Probe, Duration, Supplier)} for a condition, with {@link #PATIENCE}. */
    static void until(Condition condition, Supplier<String> what) throws Exception {
        until(() -> condition.holds() ? Boolean.TRUE : null, PATIENCE, what);
    }
}
