package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sockd.common.testing.RecordingLogger;

/** Heap shedding with a gauge the test sets, a clock it moves and collections it runs when it likes. */
class HeapSheddingTest {

    private final RecordingLogger log = new RecordingLogger();
    private long now = 1_000_000_000L;
    /** The old generation after the last full collection. */
    private int percent;
    /** The old generation now, garbage included. */
    private int percentNow;
    /** What the full collection asked for will leave. */
    private int liveData;
    private int collections;
    private final List<Runnable> asked = new ArrayList<>();
    private final HeapGauge gauge = new HeapGauge() {
        @Override
        public int percentAfterCollection() {
            return percent;
        }

        @Override
        public int percentNow() {
            return percentNow;
        }

        @Override
        public void collect() {
            collections++;
            percent = liveData;
            percentNow = liveData;
        }
    };
    private final HeapShedding shedding = new HeapShedding(90, gauge, asked::add, log.logger(), () -> now);

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
    void zeroTurnsNoClientAwayAndAsksForNoCollection() {
        percent = 100;
        percentNow = 100;
        HeapShedding off = new HeapShedding(0, gauge, asked::add, log.logger(), () -> now);

        assertThat(off.full()).isFalse();
        off.recheck();

        assertThat(asked).isEmpty();
    }

    @Test
    void anOldGenerationFilledBeyondTheShareIsCollectedOffTheAcceptToLearnWhetherLiveDataFillsIt() {
        percentNow = 89;
        assertThat(shedding.full()).isFalse();
        assertThat(asked).as("no collection asked for below the share").isEmpty();

        percentNow = 95;
        liveData = 30; // garbage: the collection empties it
        assertThat(shedding.full()).as("decided by the last collection's figure").isFalse();
        assertThat(asked).hasSize(1);
        runAsked();
        assertThat(shedding.full()).isFalse();

        now += HeapShedding.COLLECT_EVERY_NANOS;
        percentNow = 95;
        liveData = 92; // live data: the collection leaves it full
        shedding.full();
        runAsked();
        assertThat(collections).isEqualTo(2);
        assertThat(shedding.shedding()).as("turning clients away before the JVM's own full collection").isTrue();
        assertThat(shedding.full()).isTrue();
    }

    @Test
    void whileSheddingAFullCollectionIsAskedForEveryFewSecondsSoThatAcceptanceResumes() {
        shedding.recheck();
        assertThat(asked).as("no collection asked for while clients are served").isEmpty();

        percent = 95;
        liveData = 95;
        shedding.full();
        shedding.recheck();
        runAsked();
        assertThat(collections).isEqualTo(1);
        now += TimeUnit.SECONDS.toNanos(4);
        shedding.recheck();
        assertThat(asked).as("at most one every " + HeapShedding.COLLECT_EVERY_NANOS + " ns").isEmpty();

        liveData = 30; // the sessions holding the heap ended
        now += TimeUnit.SECONDS.toNanos(1);
        shedding.recheck();
        runAsked();
        assertThat(collections).isEqualTo(2);
        assertThat(shedding.shedding()).isFalse();
    }

    private void runAsked() {
        List<Runnable> now = List.copyOf(asked);
        asked.clear();
        now.forEach(Runnable::run);
    }
}
