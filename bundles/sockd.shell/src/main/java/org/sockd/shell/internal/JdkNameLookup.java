package org.sockd.shell.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's resolver with a deadline. Its lookups cannot be given a timeout, so each runs on a
 * thread of its own that a stuck resolver may keep; a command is rare enough for that.
 */
final class JdkNameLookup implements NameLookup {

    private final Duration timeout;

    JdkNameLookup(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public List<InetAddress> addresses(String host) throws InterruptedException {
        return bounded(() -> List.of(InetAddress.getAllByName(host)));
    }

    /** The JDK's reverse lookup gives the literal back unless the name resolves to the address. */
    @Override
    public List<String> confirmedNames(InetAddress address) throws InterruptedException {
        return bounded(() -> {
            String name = InetAddress.getByAddress(address.getAddress()).getHostName();
            return name.equals(address.getHostAddress()) ? List.of() : List.of(name);
        });
    }

    private <T> List<T> bounded(Callable<List<T>> lookup) throws InterruptedException {
        FutureTask<List<T>> task = new FutureTask<>(lookup);
        Thread.ofPlatform().daemon().name("sockd-shell-lookup").start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            task.cancel(true);
            return List.of();
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
    }
}
