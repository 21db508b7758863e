package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.common.net.DestinationName;
import org.sockd.common.text.LogText;

/**
 * Resolves destination names once, on a small pool of its own, with a deadline: the JDK's lookup
 * cannot be given a timeout, so a stuck resolver must only ever hold a pool thread. A name is
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
        for (DestinationName.Flaw flaw : DestinationName.Flaw.values()) {
            refusals.put(flaw, new RateLimitedLog(log, REFUSAL_NOTICE_PERIOD, nanoClock));
        }
    }

    /** A changed limit applies to the next lookup. */
    void timeout(long millis) {
        this.timeoutMillis = millis;
    }

    /** @param name a destination host as the client sent it by name (SOCKS 5 DOMAINNAME, SOCKS 4A) */
    Answer destination(String name) throws InterruptedException {
        return switch (DestinationName.of(name)) {
            case DestinationName.Literal literal -> new Addresses(List.of(literal.address()));
            case DestinationName.Name host -> new Addresses(resolve(host.name()));
            case DestinationName.Refused refused -> {
                String reason = refused.flaw().reason();
                refusals.get(refused.flaw()).warn("refused without a lookup, " + reason + ": {}", LogText.escape(name));
                yield new Refused(reason);
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
