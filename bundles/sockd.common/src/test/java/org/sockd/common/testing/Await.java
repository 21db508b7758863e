package org.sockd.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for what another thread (a file watcher, say) does. Shared through this module's test-jar. */
public final class Await {

    private Await() {
    }

    /** Fails the test when the condition has not become true within 5 seconds. */
    public static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 5 s").isNegative();
            Thread.sleep(10);
        }
    }
}
