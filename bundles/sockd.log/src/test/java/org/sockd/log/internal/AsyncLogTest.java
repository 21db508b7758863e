package org.sockd.log.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AsyncLogTest {

    @Test
    void everyItemIsWrittenInOrderBeforeClose() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        AsyncLog<Integer> log = new AsyncLog<>(1000, written::add, lost -> { });
        for (int i = 0; i < 500; i++) {
            log.submit(i);
        }
        log.close();
        assertThat(written).hasSize(500).isSorted();
    }

    @Test
    @Timeout(10)
    void aStalledWriterMakesSubmitDropAndCountInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> reports = new CopyOnWriteArrayList<>();
        AsyncLog<Integer> log = new AsyncLog<>(2, item -> await(release), reports::add);
        for (int i = 0; i < 100; i++) {
            log.submit(i); // a submit that blocked would hold the test here until its timeout
        }
        release.countDown();
        log.close();
        assertThat(reports).isNotEmpty();
        assertThat(reports.stream().mapToLong(Long::longValue).sum()).isBetween(97L, 98L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
