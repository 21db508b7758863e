package org.sockd.log.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The classic log shows a host by its name when its address resolves back and forth, else by
 * its dotted address. Lookups are slow, so answers are kept for a while, in a bounded table.
 */
final class HostNames {

    private static final int MAX_ENTRIES = 4096;

    private record Entry(String name, long expiresAt) {
    }

    private final Function<InetAddress, String> lookup;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<InetAddress, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param lookup gives the confirmed name of an address, or its literal when there is none
     * @param nanoTime the clock answers expire by, {@code System::nanoTime}
     */
    HostNames(Function<InetAddress, String> lookup, long ttlNanos, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /** The JDK's reverse lookup, which also checks that the name resolves back to the address. */
    static String confirmedName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress()).getHostName();
        } catch (UnknownHostException e) {
            return address.getHostAddress(); // cannot happen: the address has a valid length
        }
    }

    String nameOf(InetAddress address) {
        long now = nanoTime.getAsLong();
        Entry entry = cache.get(address);
        if (entry != null && entry.expiresAt - now > 0) {
            return entry.name;
        }
        String name = lookup.apply(address);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(address, new Entry(name, now + ttlNanos));
        return name;
    }
}
