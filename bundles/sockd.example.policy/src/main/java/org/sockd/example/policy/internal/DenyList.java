package org.sockd.example.policy.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ranges of one deny-list file. A lookup costs one hash probe per distinct prefix length in the
 * list (at most 33 for IPv4 and 129 for IPv6), however many ranges it holds.
 */
final class DenyList {

    /**
     * One range and where it was written.
     *
     * @param source the file
     * @param line the 1-based line number
     * @param range the range on that line
     */
    record Entry(String source, int line, CidrRange range) {
        @Override
        public String toString() {
            return range + " (" + source + ":" + line + ")";
        }
    }

    private final String source;
    private final List<Entry> entries;
    /** Prefix length, longest first, to the entries of that length keyed by their network bytes. */
    private final NavigableMap<Integer, Map<ByteBuffer, Entry>> byPrefix = new TreeMap<>(Collections.reverseOrder());

    /** @param entries in file order; when a range is listed twice, the first line is the one reported */
    DenyList(String source, List<Entry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
        for (Entry entry : this.entries) {
            // IPv4 and IPv6 keys differ in length, so one map per prefix length holds both families
            byPrefix.computeIfAbsent(entry.range().prefix(), length -> new HashMap<>())
                    .putIfAbsent(ByteBuffer.wrap(entry.range().network().getAddress()), entry);
        }
    }

    static DenyList empty(String source) {
        return new DenyList(source, List.of());
    }

    /** @return the most specific entry that contains the address */
    Optional<Entry> match(InetAddress address) {
        InetAddress plain = CidrRange.unmapped(address);
        int bits = plain.getAddress().length * 8;
        for (Map.Entry<Integer, Map<ByteBuffer, Entry>> length : byPrefix.tailMap(bits, true).entrySet()) {
            Entry entry = length.getValue().get(ByteBuffer.wrap(new CidrRange(plain, length.getKey()).mask(plain)));
            if (entry != null && entry.range().contains(plain)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** @return the entry of the first address that lies in a listed range */
    Optional<Entry> matchAny(List<InetAddress> addresses) {
        return addresses.stream().map(this::match).flatMap(Optional::stream).findFirst();
    }

    String source() {
        return source;
    }

    List<Entry> entries() {
        return entries;
    }
}
