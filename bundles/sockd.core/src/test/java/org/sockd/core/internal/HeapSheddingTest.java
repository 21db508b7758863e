package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sockd.common.testing.RecordingLogger;

/** Heap shedding with a gauge the test sets, and a clock it moves. */
class HeapSheddingTest {

    private final RecordingLogger log = new RecordingLogger();
    private long now = 1_000_000_000L;
    private int percent;
    private int collections;
    private final HeapGauge gauge = new HeapGauge() {
        @Override
        public int percentAfterCollection() {
            return percent;
        }

        @Override
        public void collect() {
            collections++;
        }
    };
    private final HeapShedding shedding = new HeapShedding(90, gauge, log.logger(), () -> now);

    @Test
    void newClientsAreTurnedAwayWhileLiveDataFillsTheHeapBeyondTheShareAndAcceptedOnceItFalls() {
        percent = 89;
        assertThat(shedding.full()).isFalse();

        percent = 90;
        assertThat(shedding.full()).isTrue();
        assertThat(shedding.shedding()).isTrue();

        percent = 40;
        assertThat(shedding.full()).isFalse();
        assertThat(shedding.shedding()).isFalse();
        assertThat(log.lines()).singleElement().extracting(RecordingLogger.Line::message)
                .isEqualTo("heap under 90% (heap.shed.percent) after a collection: accepting new clients again");
    }

    @Test
    void zeroTurnsNoClientAway() {
        percent = 100;

        assertThat(new HeapShedding(0, gauge, log.logger(), () -> now).full()).isFalse();
    }

    @Test
    void whileSheddingAFullCollectionIsAskedForEveryFewSecondsSoThatAcceptanceResumes() {
        shedding.recheck();
        assertThat(collections).as("no collection asked for while the heap is not full").isZero();

        percent = 95;
        shedding.full();
        shedding.recheck();
        assertThat(collections).isEqualTo(1);
        now += TimeUnit.SECONDS.toNanos(4);
        shedding.recheck();
        assertThat(collections).as("at most one every " + HeapShedding.COLLECT_EVERY_NANOS + " ns").isEqualTo(1);

        percent = 30; // what the collection found, once the sessions holding the heap ended
        now += TimeUnit.SECONDS.toNanos(1);
        shedding.recheck();
        assertThat(collections).isEqualTo(2);
        assertThat(shedding.shedding()).isFalse();
    }
}
