package org.sockd.upstream.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * When an upstream is marked bad (Dante's {@code route.maxfail} and {@code route.badexpire}).
 *
 * @param maxfail consecutive failures that mark an upstream bad; 0 turns marking off
 * @param badexpire how long a mark lasts; zero keeps it until the next reload
 */
record Marking(int maxfail, Duration badexpire) {

    /** Dante's defaults. */
    static final Marking DEFAULT = new Marking(1, Duration.ofSeconds(300));

    Marking {
        if (maxfail < 0) {
            throw new IllegalArgumentException("maxfail cannot be negative: " + maxfail);
        }
        Objects.requireNonNull(badexpire, "badexpire");
        if (badexpire.isNegative()) {
            throw new IllegalArgumentException("badexpire cannot be negative: " + badexpire);
        }
    }
}
