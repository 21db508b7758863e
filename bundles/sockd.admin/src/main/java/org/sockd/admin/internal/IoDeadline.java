package org.sockd.admin.internal;

import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sockd.common.io.Closing;

/** Closes a client that takes longer than the I/O timeout to send its line or to take its answer. */
final class IoDeadline implements AutoCloseable {

    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sockd-admin-watchdog").factory());

    IoDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return the closing to cancel once the client is done; while the server stops, it closes the client now */
    Future<?> closeLater(SocketChannel client) {
        try {
            return watchdog.schedule(() -> Closing.quietly(client), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Closing.quietly(client);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
