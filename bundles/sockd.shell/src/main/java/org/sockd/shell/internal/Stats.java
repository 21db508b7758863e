package org.sockd.shell.internal;

import java.util.Objects;
import org.sockd.api.metrics.MetricsSnapshot;

/**
 * What sockd:stats found; Gogo prints it through {@link #toString()}.
 *
 * @param counters the core's counters
 */
public record Stats(MetricsSnapshot counters) {

    public Stats {
        Objects.requireNonNull(counters, "counters");
    }

    @Override
    public String toString() {
        return StatsText.of(counters);
    }
}
