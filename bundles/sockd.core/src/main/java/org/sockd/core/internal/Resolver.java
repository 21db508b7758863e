package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves destination names once, on a small pool of its own, with a deadline: the JDK's lookup
 * cannot be given a timeout, so a stuck resolver must only ever hold a pool thread.
 */
final class Resolver implements AutoCloseable {

    private final ExecutorService pool = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().daemon().name("sockd-resolver-", 1).factory());
    private final ForwardLookup forward;
    private volatile long timeoutMillis;

    /** The system's lookup, {@link InetAddress#getAllByName}; a test puts one in that it controls. */
    @FunctionalInterface
    interface ForwardLookup {
        InetAddress[] all(String name) throws UnknownHostException;
    }

    Resolver(long timeoutMillis) {
        this(timeoutMillis, InetAddress::getAllByName);
    }

    Resolver(long timeoutMillis, ForwardLookup forward) {
        this.timeoutMillis = timeoutMillis;
        this.forward = forward;
    }

    /** A changed limit applies to the next lookup. */
    void timeout(long millis) {
        this.timeoutMillis = millis;
    }

    /** @return every address of the name, or an empty list when it does not resolve in time */
    List<InetAddress> resolve(String name) throws InterruptedException {
        try {
            return List.of(within(() -> forward.all(name), new InetAddress[0]));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                return List.of();
            }
            throw new IllegalStateException("name lookup failed", e.getCause());
        }
    }

    /**
     * The client's host name when its reverse lookup is confirmed by a forward lookup that gives
     * back the same address (the JDK does that check); otherwise none.
     */
    List<String> confirmedNames(InetAddress address) throws InterruptedException {
        String literal = address.getHostAddress();
        try {
            String name = within(() -> InetAddress.getByAddress(address.getAddress()).getHostName(), literal);
            return name.equals(literal) ? List.of() : List.of(name);
        } catch (ExecutionException e) {
            return List.of();
        }
    }

    /** Runs a lookup on the pool; past the deadline it is abandoned and {@code none} returned. */
    private <T> T within(Callable<T> lookup, T none) throws InterruptedException, ExecutionException {
        Future<T> future = pool.submit(lookup);
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return none;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
