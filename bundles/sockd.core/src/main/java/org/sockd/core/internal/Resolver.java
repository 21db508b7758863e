package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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
    private final long timeoutMillis;

    Resolver(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** @return every address of the name, or an empty list when it does not resolve in time */
    List<InetAddress> resolve(String name) throws InterruptedException {
        Future<InetAddress[]> lookup = pool.submit(() -> InetAddress.getAllByName(name));
        try {
            return List.of(lookup.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException) {
                return List.of();
            }
            throw new IllegalStateException("name lookup failed", e.getCause());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return List.of();
        } catch (InterruptedException e) {
            lookup.cancel(true);
            throw e;
        }
    }

    /**
     * The client's host name when its reverse lookup is confirmed by a forward lookup that gives
     * back the same address (the JDK does that check); otherwise none.
     */
    List<String> confirmedNames(InetAddress address) throws InterruptedException {
        Future<String> lookup = pool.submit(() -> InetAddress.getByAddress(address.getAddress()).getHostName());
        try {
            String name = lookup.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return name.equals(address.getHostAddress()) ? List.of() : List.of(name);
        } catch (ExecutionException e) {
            return List.of();
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return List.of();
        } catch (InterruptedException e) {
            lookup.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
