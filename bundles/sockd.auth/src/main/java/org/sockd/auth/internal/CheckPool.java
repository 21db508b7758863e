package org.sockd.auth.internal;

import java.io.Closeable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs full password checks, a bounded number at a time, on platform threads of their own. A key
 * derivation is a long stretch of pure computation: on a session's virtual thread it would hold one
 * of the scheduler's carrier threads (one a core, never time-sliced) until it ends, so that with as
 * many checks in progress as cores no other session could run, not even the method negotiation of a
 * new client. Platform threads are time-sliced by the operating system with the carriers, and the
 * session's virtual thread waits for the outcome without holding a carrier.
 */
final class CheckPool implements Closeable {

    private final Semaphore permits;
    private final Duration wait;
    private final ExecutorService threads;

    /**
     * @param permits checks that may run at once; first come, first served when it is fair
     * @param wait how long an attempt waits for a permit before it gives up
     * @param threads where the checks run, at least as many threads as permits
     */
    CheckPool(Semaphore permits, Duration wait, ExecutorService threads) {
        this.permits = Objects.requireNonNull(permits, "permits");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** {@code size} fair permits and as many daemon threads named {@code sockd-passwd-check-N}. */
    static CheckPool of(int size, Duration wait) {
        return new CheckPool(new Semaphore(size, true), wait, Executors.newFixedThreadPool(size,
                Thread.ofPlatform().daemon().name("sockd-passwd-check-", 1).factory()));
    }

    Duration waitLimit() {
        return wait;
    }

    /**
     * Runs {@code check} once a permit is free and waits for its outcome.
     *
     * @return the outcome, or empty when no permit came within the wait or the waiting thread was interrupted
     */
    <T> Optional<T> run(Supplier<T> check) {
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            return Optional.of(start(check).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the session is being closed
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** The permit goes back when the check ends, even if the session stopped waiting for it. */
    private <T> CompletableFuture<T> start(Supplier<T> check) {
        try {
            return CompletableFuture.supplyAsync(check, threads).whenComplete((outcome, failure) -> permits.release());
        } catch (RejectedExecutionException closed) {
            // A new configuration has replaced this pool while the session held it: check here, once.
            try {
                return CompletableFuture.completedFuture(check.get());
            } finally {
                permits.release();
            }
        }
    }

    /** Lets the checks in progress finish, then the threads end. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
