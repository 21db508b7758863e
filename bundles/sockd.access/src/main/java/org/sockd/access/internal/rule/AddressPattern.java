package org.sockd.access.internal.rule;

import java.util.List;

/**
 * The address field of a rule, for the source or the destination: a numeric address and mask,
 * (SOCKS 4.3) a name pattern, or (an extension) an IPv6 prefix.
 */
public sealed interface AddressPattern permits AddressMask, NamePattern, Ipv6Prefix {

    /**
     * @param ipv4 the IPv4 view of each address the host stands for (an address that has none, a
     *        plain IPv6 address, is left out)
     * @param ipv6 the 128-bit form of each address, two longs each ({@link Ipv6})
     * @param names the names the host is known by, without its dotted quad
     */
    boolean matches(int[] ipv4, long[] ipv6, List<String> names);
}
