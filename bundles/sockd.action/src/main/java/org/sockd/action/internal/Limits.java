package org.sockd.action.internal;

import java.time.Duration;

/**
 * How much the shell actions may take.
 *
 * @param timeout how long a command may run before it is killed
 * @param maxConcurrent how many commands may run at once
 * @param queueSize how many actions may wait for a free slot before new ones are dropped
 */
record Limits(Duration timeout, int maxConcurrent, int queueSize) {

    Limits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout.seconds must be at least 1, not " + timeout.toSeconds());
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max.concurrent must be at least 1, not " + maxConcurrent);
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("queue.size must be at least 1, not " + queueSize);
        }
    }

    static Limits of(ShellActionRunner.Config config) {
        return new Limits(Duration.ofSeconds(config.timeout_seconds()), config.max_concurrent(), config.queue_size());
    }
}
