package org.sockd.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Asks a registered service (the access policy, an authenticator, the route selector) on a
 * virtual thread of its own within a deadline, so that a service that hangs costs one virtual
 * thread and never the session: past the deadline the caller refuses (fail closed). One setting,
 * {@code policy.timeout.ms}, bounds them all.
 */
final class ServiceDeadline {

    /** A call to the service, which may throw what the service's own method declares. */
    @FunctionalInterface
    interface Call<T, X extends Exception> {
        T call() throws X;
    }

    /** The answer instead of the service's, from why there is none. */
    @FunctionalInterface
    interface Refusal<T, X extends Exception> {
        T refuse(String reason) throws X;
    }

    private final String late;
    private final long timeoutMillis;
    private final RateLimitedLog log;

    /**
     * @param late what a late service failed to do, for the refusal and the warning, e.g. "access
     *        policy gave no decision"
     * @param log where a service past its deadline is noticed
     */
    ServiceDeadline(String late, long timeoutMillis, RateLimitedLog log) {
        this.late = late;
        this.timeoutMillis = timeoutMillis;
        this.log = log;
    }

    /** @return the moment, in {@link System#nanoTime()}, a deadline starting now passes */
    long fromNow() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * @param service the service asked, named in the warning
     * @param due when the answer is due ({@link System#nanoTime()}); asked again when it passes, so
     *        a deadline may move on while the service waits for someone else
     * @param refused the answer to give instead, from why there is none
     * @return the service's answer, or the refusal when none came by the deadline or this thread was
     *         interrupted (its interrupt status is then set again)
     * @throws X what the service threw, or the refusal
     */
    <T, X extends Exception> T ask(Object service, LongSupplier due, Call<T, X> call, Refusal<T, X> refused)
            throws X {
        FutureTask<T> asking = new FutureTask<>(call::call);
        Thread.ofVirtual().name("sockd-service").start(asking);
        try {
            while (true) {
                long left = due.getAsLong() - System.nanoTime();
                if (left <= 0) {
                    log.warn("{} within policy.timeout.ms, refusing: {}", late, service);
                    return refused.refuse(late + " within " + timeoutMillis + " ms");
                }
                try {
                    return asking.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // the deadline may have moved on meanwhile: look again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused.refuse("interrupted while waiting: " + late);
        } catch (ExecutionException e) {
            throw ServiceDeadline.<X>rethrown(e.getCause());
        } finally {
            asking.cancel(true);
        }
    }

    /** The call throws only X or unchecked exceptions, so the cause is one of them. */
    @SuppressWarnings("unchecked")
    private static <X extends Exception> X rethrown(Throwable cause) {
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return (X) cause;
    }
}
