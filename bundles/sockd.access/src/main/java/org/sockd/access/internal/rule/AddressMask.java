package org.sockd.access.internal.rule;

import java.util.List;

/**
 * A numeric address and mask pair of a rule. The mask says which bits are compared, so
 * non-contiguous masks work exactly as in the classic daemon.
 *
 * @param address the configured address, as an IPv4 value
 * @param mask the bits of the address that are compared
 */
public record AddressMask(int address, int mask) implements AddressPattern {

    /** What an absent destination pair means: 0.0.0.0 0.0.0.0, anyone. */
    public static final AddressMask ANY = new AddressMask(0, 0);

    /**
     * The host matches when any of its addresses does. These are IPv4 patterns: an IPv6 address
     * that carries no IPv4 address ({@link Ipv4} has turned the others into their IPv4 host) has
     * no bits they can compare, so only a pattern that compares none (mask 0.0.0.0) matches it;
     * {@link Ipv6Prefix} is the pattern for those. The same holds for a name that resolved to
     * nothing. Names play no part: a numeric pattern compares addresses only.
     */
    @Override
    public boolean matches(int[] ipv4, long[] ipv6, List<String> names) {
        if (mask == 0) {
            return true;
        }
        int wanted = address & mask;
        for (int candidate : ipv4) {
            if ((candidate & mask) == wanted) {
                return true;
            }
        }
        return false;
    }
}
