package org.sockd.log.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Moves the slow part of logging (name lookups, the backend's I/O) off the session threads: events
 * wait in a bounded queue for one writer thread. A full queue drops and counts, so logging can
 * never stall a relay, and the loss is reported in the log as soon as there is room again.
 */
final class AsyncLog<T> implements AutoCloseable {

    private final BlockingQueue<T> queue;
    private final Consumer<T> writer;
    private final Consumer<Long> dropReport;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;

    AsyncLog(int capacity, Consumer<T> writer, Consumer<Long> dropReport) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        this.dropReport = dropReport;
        // a platform thread: the backend's writes block in the kernel, and a virtual thread that blocks
        // there takes its carrier with it, made up for by another (JFR showed that hand-off per line)
        this.thread = Thread.ofPlatform().daemon().name("sockd-log").start(this::drain);
    }

    void submit(T item) {
        if (!queue.offer(item)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        try {
            while (!closing || !queue.isEmpty()) {
                T item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    reportDrops();
                    writer.accept(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reportDrops();
    }

    private void reportDrops() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            dropReport.accept(lost);
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.join(5_000);
    }
}
