package org.sockd.action.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * At most {@code threads} actions run at once and at most {@code queueSize} wait; beyond that an
 * action is dropped, so a flood of matching requests can neither block the sessions nor pile up
 * processes. Drops are reported at most once per period, with a count.
 */
final class ActionPool {

    private final ThreadPoolExecutor executor;
    private final Consumer<ActionReport> reports;
    private final long dropReportPeriodNanos;
    private final AtomicLong nextDropReport = new AtomicLong(System.nanoTime());
    private final AtomicLong unreported = new AtomicLong();

    ActionPool(int threads, int queueSize, Duration dropReportPeriod, Consumer<ActionReport> reports) {
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(queueSize),
                Thread.ofPlatform().daemon().name("sockd-action-", 1).factory());
        this.executor.allowCoreThreadTimeOut(true);
        this.reports = reports;
        this.dropReportPeriodNanos = dropReportPeriod.toNanos();
    }

    /** Queues the work, or drops it when the queue is full or the pool stopped; never blocks. */
    void submit(String origin, Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            dropped(origin);
        }
    }

    private void dropped(String origin) {
        long count = unreported.incrementAndGet();
        long now = System.nanoTime();
        long next = nextDropReport.get();
        if (now - next >= 0 && nextDropReport.compareAndSet(next, now + dropReportPeriodNanos)) {
            unreported.addAndGet(-count);
            reports.accept(new ActionReport.Dropped(origin, count));
        }
    }

    /**
     * Stops taking work and forgets what waits; running commands get {@code grace} to finish,
     * then their threads are interrupted, which kills their processes.
     *
     * @return how many waiting actions were not run
     */
    int close(Duration grace) throws InterruptedException {
        executor.shutdown();
        List<Runnable> waiting = new ArrayList<>();
        executor.getQueue().drainTo(waiting);
        if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        return waiting.size();
    }
}
