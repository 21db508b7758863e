package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.net.DestinationName;
import org.sockd.common.text.LogText;

/**
 * Resolves destination names once, on a small pool of its own, with a deadline: the JDK's lookup
 * cannot be given a timeout, so a stuck resolver must only ever hold a pool thread, and one
 * client's names only a few of them ({@code resolve.max.per.client}). A name is
 * checked first ({@link DestinationName}): an address literal needs no lookup, and a name no rule
 * could tell the host of is refused without one.
 */
final class Resolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
    private static final long REFUSAL_NOTICE_PERIOD = TimeUnit.MINUTES.toNanos(1);

    private final ExecutorService pool = Executors.newFixedThreadPool(8,
            Thread.ofPlatform().daemon().name("sockd-resolver-", 1).factory());
    private final ForwardLookup forward;
    private volatile long timeoutMillis;
    private volatile int maxPerClient = Integer.MAX_VALUE;
    /** Per client address, its lookups on the pool: a lookup past its deadline counts until it ends. */
    private final Map<InetAddress, Integer> running = new HashMap<>();
    private final Lock slots = new ReentrantLock();
    private final Condition slotFreed = slots.newCondition();
    private final RateLimitedLog crowded;
    /** One notice per kind of refused name, so that a flood of one kind cannot hide another. */
    private final Map<DestinationName.Flaw, RateLimitedLog> refusals = new EnumMap<>(DestinationName.Flaw.class);

    /** What a destination name comes to. */
    sealed interface Answer {
    }

    /** @param all every address of the name: none when it does not resolve in time */
    record Addresses(List<InetAddress> all) implements Answer {
    }

    /** @param reason why the name was refused without a lookup, for the refusal log line */
    record Refused(String reason) implements Answer {
    }

    /** The system's lookup, {@link InetAddress#getAllByName}; a test puts one in that it controls. */
    @FunctionalInterface
    interface ForwardLookup {
        InetAddress[] all(String name) throws UnknownHostException;
    }

    Resolver(long timeoutMillis) {
        this(timeoutMillis, InetAddress::getAllByName);
    }

    Resolver(long timeoutMillis, ForwardLookup forward) {
        this(timeoutMillis, forward, LOG, System::nanoTime);
    }

    /** @param log where refused names are noticed; {@code nanoClock} paces the notices */
    Resolver(long timeoutMillis, ForwardLookup forward, Logger log, LongSupplier nanoClock) {
        this.timeoutMillis = timeoutMillis;
        this.forward = forward;
        this.crowded = new RateLimitedLog(log, REFUSAL_NOTICE_PERIOD, nanoClock);
        for (DestinationName.Flaw flaw : DestinationName.Flaw.values()) {
            refusals.put(flaw, new RateLimitedLog(log, REFUSAL_NOTICE_PERIOD, nanoClock));
        }
    }

    /** A changed limit applies to the next lookup. */
    void timeout(long millis) {
        this.timeoutMillis = millis;
    }

    /**
     * So that a client that sends names which never resolve holds only its share of the pool, not
     * every thread of it. A changed limit applies to the next lookup.
     */
    void maxPerClient(int lookups) {
        this.maxPerClient = lookups;
    }

    /**
     * @param name a destination host as the client sent it by name (SOCKS 5 DOMAINNAME, SOCKS 4A)
     * @param client the client's address, whose lookups in progress are limited
     */
    Answer destination(String name, InetAddress client) throws InterruptedException {
        return switch (DestinationName.of(name)) {
            case DestinationName.Literal literal -> new Addresses(List.of(literal.address()));
            case DestinationName.Name host -> lookUpFor(client, host.name());
            case DestinationName.Refused refused -> {
                String reason = refused.flaw().reason();
                refusals.get(refused.flaw()).warn("refused without a lookup, " + reason + ": {}", LogText.escape(name));
                yield new Refused(reason);
            }
        };
    }

    /**
     * A client at its limit waits for one of its own lookups to end, within the same deadline, so
     * that a burst of names is served in turn while names that never resolve hold only the client's
     * share of the pool.
     */
    private Answer lookUpFor(InetAddress client, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Runnable ended = slotOf(client, deadline);
        if (ended == null) {
            crowded.warn("no name lookup within resolve.timeout.ms: the client's lookups in progress are at "
                    + "resolve.max.per.client ({})", client.getHostAddress());
            return new Addresses(List.of());
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return new Addresses(resolve(name, ended, left));
    }

    /** @return what gives the client's slot back (at most once), or {@code null} when none was free by the deadline */
    private Runnable slotOf(InetAddress client, long deadline) throws InterruptedException {
        slots.lock();
        try {
            while (running.getOrDefault(client, 0) >= maxPerClient) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                slotFreed.awaitNanos(left);
            }
            running.merge(client, 1, Integer::sum);
        } finally {
            slots.unlock();
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                slots.lock();
                try {
                    running.computeIfPresent(client, (address, count) -> count > 1 ? count - 1 : null);
                    slotFreed.signalAll();
                } finally {
                    slots.unlock();
                }
            }
        };
    }

    /**
     * For names the operator wrote (upstreams of socks.conf); a name a client sent goes through
     * {@link #destination} first.
     *
     * @return every address of the name, or an empty list when it does not resolve in time
     */
    List<InetAddress> resolve(String name) throws InterruptedException {
        return resolve(name, () -> { }, timeoutMillis);
    }

    private List<InetAddress> resolve(String name, Runnable ended, long millis) throws InterruptedException {
        try {
            return List.of(within(() -> forward.all(name), new InetAddress[0], ended, millis));
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
            String name = within(() -> InetAddress.getByAddress(address.getAddress()).getHostName(), literal, () -> { },
                    timeoutMillis);
            return name.equals(literal) ? List.of() : List.of(name);
        } catch (ExecutionException e) {
            return List.of();
        }
    }

    /**
     * Runs a lookup on the pool; past the deadline it is abandoned and {@code none} returned.
     *
     * @param ended run once when the lookup ends: when it returns or fails on the pool, or when it
     *        is abandoned before it started
     */
    private <T> T within(Callable<T> lookup, T none, Runnable ended, long millis)
            throws InterruptedException, ExecutionException {
        AtomicBoolean started = new AtomicBoolean();
        Future<T> future = pool.submit(() -> {
            started.set(true);
            try {
                return lookup.call();
            } finally {
                ended.run();
            }
        });
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(future, started, ended);
            return none;
        } catch (InterruptedException e) {
            abandon(future, started, ended);
            throw e;
        }
    }

    /** A cancelled task that had not started never runs, so its end is told here. */
    private static void abandon(Future<?> future, AtomicBoolean started, Runnable ended) {
        future.cancel(true);
        if (!started.get()) {
            ended.run();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
