package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.common.testing.RecordingLogger;

@Timeout(10)
class RateLimitedLogTest {

    private static final String PATTERN = "session limit {} reached: closing new clients";
    private static final Pattern MORE = Pattern.compile(" \\((\\d+) more since the last warning\\)$");

    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(50);

    private final RecordingLogger recorder = new RecordingLogger();
    /** The log's clock: it stands still unless a test moves it on; System.nanoTime() may be negative. */
    private final AtomicLong nanos = new AtomicLong(-1_000_000);

    @Test
    void theFirstWarningIsLoggedAtOnceAndTheRestOfThePeriodIsCounted() {
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), TimeUnit.HOURS.toNanos(1), nanos::get);

        for (int i = 0; i < 50; i++) {
            log.warn(PATTERN, 8192);
            nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
        }

        assertThat(recorder.calls()).containsExactly(new RecordingLogger.Call("warn", List.of(PATTERN, 8192)));
    }

    @Test
    void theNextWarningAfterThePeriodSaysHowManyWereLeftOut() {
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), PERIOD, nanos::get);
        for (int i = 0; i < 5; i++) {
            log.warn(PATTERN, i);
        }

        nanos.addAndGet(PERIOD);
        log.warn(PATTERN, 5);
        nanos.addAndGet(PERIOD + 1);
        log.warn(PATTERN, 6);

        assertThat(recorder.calls()).containsExactly(
                new RecordingLogger.Call("warn", List.of(PATTERN, 0)),
                new RecordingLogger.Call("warn", List.of(PATTERN + " (4 more since the last warning)", 5)),
                new RecordingLogger.Call("warn", List.of(PATTERN, 6)));
    }

    @Test
    void aSteadyFloodIsLoggedOncePerPeriodAndNothingIsLost() {
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), PERIOD, nanos::get);
        long calls = 0;
        for (int millis = 0; millis < 520; millis++) { // three calls a millisecond, ten periods and a bit
            for (int i = 0; i < 3; i++) {
                log.warn(PATTERN, 1);
                calls++;
            }
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(recorder.calls()).as("warnings during the flood: at 0, 50, ..., 500 ms").hasSize(11);

        nanos.addAndGet(PERIOD);
        log.warn(PATTERN, 2); // reports whatever the flood left unsaid
        calls++;

        List<RecordingLogger.Call> logged = recorder.calls();
        assertThat(logged.size() + suppressedReported(logged)).as("logged + reported as left out").isEqualTo(calls);
    }

    @Test
    void concurrentCallersLogOnceAndEveryOtherCallIsCounted() throws Exception {
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), PERIOD, nanos::get);
        int threads = 8;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        log.warn(PATTERN, 1);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(recorder.calls()).hasSize(1);

        nanos.addAndGet(PERIOD);
        log.warn(PATTERN, 2);

        assertThat(recorder.calls()).hasSize(2);
        assertThat(suppressedReported(recorder.calls())).isEqualTo(threads * each - 1);
    }

    private static long suppressedReported(List<RecordingLogger.Call> calls) {
        long total = 0;
        for (RecordingLogger.Call call : calls) {
            assertThat(call.method()).isEqualTo("warn");
            Matcher more = MORE.matcher((String) call.args().get(0));
            if (more.find()) {
                total += Long.parseLong(more.group(1));
            }
        }
        return total;
    }
}
