package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.common.testing.RecordingLogger;

@Timeout(10)
class RateLimitedLogTest {

    private static final String PATTERN = "session limit {} reached: closing new clients";
    private static final Pattern MORE = Pattern.compile(" \\((\\d+) more since the last warning\\)$");

    private final RecordingLogger recorder = new RecordingLogger();

    @Test
    void theFirstWarningIsLoggedAtOnceAndTheRestOfThePeriodIsCounted() {
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), TimeUnit.HOURS.toNanos(1));

        for (int i = 0; i < 50; i++) {
            log.warn(PATTERN, 8192);
        }

        assertThat(recorder.calls()).containsExactly(new RecordingLogger.Call("warn", List.of(PATTERN, 8192)));
    }

    @Test
    void theNextWarningAfterThePeriodSaysHowManyWereLeftOut() throws InterruptedException {
        long period = TimeUnit.MILLISECONDS.toNanos(100);
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), period);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            log.warn(PATTERN, i);
        }
        assumeTrue(System.nanoTime() - start < period, "the burst took longer than the period");

        Thread.sleep(150);
        log.warn(PATTERN, 5);
        Thread.sleep(150);
        log.warn(PATTERN, 6);

        assertThat(recorder.calls()).containsExactly(
                new RecordingLogger.Call("warn", List.of(PATTERN, 0)),
                new RecordingLogger.Call("warn", List.of(PATTERN + " (4 more since the last warning)", 5)),
                new RecordingLogger.Call("warn", List.of(PATTERN, 6)));
    }

    @Test
    void aSteadyFloodIsLoggedOncePerPeriodAndNothingIsLost() throws InterruptedException {
        long period = TimeUnit.MILLISECONDS.toNanos(50);
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), period);
        long start = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(520)) {
            log.warn(PATTERN, 1);
            calls++;
            if (calls % 64 == 0) {
                Thread.sleep(1);
            }
        }
        long elapsed = System.nanoTime() - start;
        Thread.sleep(60);
        log.warn(PATTERN, 2); // reports whatever the flood left unsaid
        calls++;

        List<RecordingLogger.Call> logged = recorder.calls();
        long duringFlood = logged.size() - 1;
        assertThat(duringFlood).as("warnings during the flood")
                .isBetween(2L, elapsed / period + 1);
        assertThat(logged.size() + suppressedReported(logged)).as("logged + reported as left out").isEqualTo(calls);
    }

    @Test
    void concurrentCallersLogOnceAndEveryOtherCallIsCounted() throws Exception {
        long period = TimeUnit.MILLISECONDS.toNanos(300);
        RateLimitedLog log = new RateLimitedLog(recorder.logger(), period);
        int threads = 8;
        int each = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        long start;
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
            start = System.nanoTime();
            go.countDown();
            for (Future<?> future : done) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assumeTrue(System.nanoTime() - start < period, "the burst took longer than the period");
        assertThat(recorder.calls()).hasSize(1);

        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(period) + 50);
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
