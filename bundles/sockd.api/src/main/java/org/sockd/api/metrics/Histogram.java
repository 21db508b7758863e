package org.sockd.api.metrics;

import java.util.List;

/**
 * Observations counted in fixed buckets.
 *
 * @param bounds the upper bounds of the buckets, ascending, without the last one (+Inf)
 * @param counts the observations in each bucket alone (not cumulative): one more than {@code bounds},
 *        the last for those above every bound
 * @param sum the sum of every observation
 */
public record Histogram(List<Double> bounds, List<Long> counts, double sum) {

    public Histogram {
        bounds = List.copyOf(bounds);
        counts = List.copyOf(counts);
        if (counts.size() != bounds.size() + 1) {
            throw new IllegalArgumentException(bounds.size() + " bounds need " + (bounds.size() + 1)
                    + " counts, not " + counts.size());
        }
    }

    /** @return every observation */
    public long count() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
