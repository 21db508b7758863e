package org.sockd.access.internal.rule;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;

/**
 * An address and mask pair of a rule. The mask says which bits are compared, so non-contiguous
 * masks work exactly as in the classic daemon.
 *
 * @param address the configured address, as an IPv4 value
 * @param mask the bits of the address that are compared
 */
public record AddressMask(int address, int mask) {

    /** What an absent destination pair means: 0.0.0.0 0.0.0.0, anyone. */
    public static final AddressMask ANY = new AddressMask(0, 0);

    /**
     * sockd.conf only has IPv4 patterns. An IPv6 address (other than IPv4-mapped) has no bits
     * these patterns can compare, so only a pattern that compares none (mask 0.0.0.0) matches it.
     * A later IPv6 syntax would add its own pattern kind.
     */
    public boolean matches(InetAddress candidate) {
        OptionalInt ipv4 = Ipv4.of(candidate);
        return ipv4.isPresent() ? (ipv4.getAsInt() & mask) == (address & mask) : mask == 0;
    }

    /**
     * A destination named by host name stands for every address it resolved to, and matches when
     * any of them does. A name that resolved to nothing only matches a pattern that compares no bit.
     */
    public boolean matchesAny(List<InetAddress> candidates) {
        return candidates.isEmpty() ? mask == 0 : candidates.stream().anyMatch(this::matches);
    }
}
