package org.sockd.core.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.sockd.api.metrics.Histogram;

/** Durations counted in fixed buckets, in seconds; cheap to update from many session threads. */
final class Buckets {

    private final double[] bounds;
    private final LongAdder[] counts;
    private final DoubleAdder sum = new DoubleAdder();

    /** @param bounds upper bounds in seconds, ascending */
    Buckets(double... bounds) {
        this.bounds = bounds.clone();
        this.counts = new LongAdder[bounds.length + 1];
        Arrays.setAll(counts, i -> new LongAdder());
    }

    void observe(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        int bucket = 0;
        while (bucket < bounds.length && seconds > bounds[bucket]) {
            bucket++;
        }
        counts[bucket].increment();
        sum.add(seconds);
    }

    Histogram snapshot() {
        return new Histogram(Arrays.stream(bounds).boxed().toList(),
                Arrays.stream(counts).map(LongAdder::sum).toList(), sum.sum());
    }
}
