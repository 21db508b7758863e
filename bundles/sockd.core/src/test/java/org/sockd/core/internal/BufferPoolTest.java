package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

@Timeout(10)
class BufferPoolTest {

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 2, 7})
    void lendsAtMostLimitBuffers(int limit) {
        BufferPool pool = new BufferPool(1024, limit);
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            ByteBuffer buffer = pool.borrow();
            assertThat(buffer).isNotNull();
            assertThat(buffer.capacity()).isEqualTo(1024);
            assertThat(buffer.isDirect()).isTrue();
            out.add(buffer);
        }
        assertThat(distinct(out)).as("distinct buffers").isEqualTo(limit);
        assertThat(pool.lent()).isEqualTo(limit);

        assertThat(pool.borrow()).isNull();
        assertThat(pool.borrow()).isNull();
        assertThat(pool.lent()).as("a refused borrow is not counted").isEqualTo(limit);

        pool.giveBack(out.removeLast());
        assertThat(pool.lent()).isEqualTo(limit - 1);
        assertThat(pool.borrow()).as("borrowable again after a give-back").isNotNull();
        assertThat(pool.borrow()).isNull();
    }

    @Test
    void aReturnedBufferIsReusedAndComesBackCleared() {
        BufferPool pool = new BufferPool(64, 1);
        ByteBuffer first = pool.borrow();
        first.put(new byte[10]).flip();
        first.get();

        pool.giveBack(first);
        ByteBuffer again = pool.borrow();

        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(64);
        assertThat(again.remaining()).isEqualTo(64);
    }

    @Test
    void aFreshBufferIsCleared() {
        ByteBuffer buffer = new BufferPool(256, 3).borrow();

        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(256);
    }

    @Test
    void concurrentBorrowersNeverExceedTheLimit() throws Exception {
        int limit = 3;
        BufferPool pool = new BufferPool(128, limit);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostHolders = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        ByteBuffer buffer = pool.borrow();
                        if (buffer == null) {
                            refused.incrementAndGet();
                            continue;
                        }
                        mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        buffer.put((byte) 1);
                        holders.decrementAndGet();
                        pool.giveBack(buffer);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(mostHolders.get()).isBetween(1, limit);
        assertThat(pool.lent()).isZero();
        List<ByteBuffer> all = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            all.add(pool.borrow());
        }
        assertThat(all).doesNotContainNull();
        assertThat(distinct(all)).isEqualTo(limit);
        assertThat(pool.borrow()).isNull();
    }

    @Test
    void lentNeverReadsAboveTheLimit() throws Exception {
        BufferPool pool = new BufferPool(128, 1);
        assertThat(pool.borrow()).isNotNull();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger refusals = new AtomicInteger();
        Thread refused = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                assertThat(pool.borrow()).isNull();
                refusals.incrementAndGet();
            }
        });
        int most = 0;
        try {
            // read while the other thread is refused a great many times (or has failed and ended)
            while (refused.isAlive() && refusals.get() < 200_000 && most <= 1) {
                most = Math.max(most, pool.lent());
            }
        } finally {
            running.set(false);
            refused.join(Await.PATIENCE);
        }
        assertThat(most).isEqualTo(1);
        assertThat(refusals).as("refused borrows, each while lent() was read").hasValueGreaterThanOrEqualTo(200_000);
    }

    /** ByteBuffer.equals compares contents, so count distinct instances by identity. */
    private static int distinct(List<ByteBuffer> buffers) {
        Set<ByteBuffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(buffers);
        return seen.size();
    }
}
