package org.sockd.common.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for the evidence a test expects (a file watcher's reload, a counter, a log line) instead of for a
 * time. Shared through this module's test-jar; the timeout is generous because a busy machine is slow, and
 * passing never waits longer than the condition takes.
 */
public final class Await {

    /** What most waits allow: long enough for a loaded 2-core machine, short enough to fail a run quickly. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private Await() {
    }

    /**
     * Polls the condition until it holds.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** {@link #until(BooleanSupplier, Duration, String)} with {@link #PATIENCE}. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        until(condition, PATIENCE, what);
    }
}
