package org.sockd.access.internal.rule;

import java.util.List;

/**
 * The address field of a rule, for the source or the destination: a numeric address and mask, or
 * (SOCKS 4.3) a name pattern.
 */
public sealed interface AddressPattern permits AddressMask, NamePattern {

    /**
     * @param ipv4 the IPv4 view of each address the host stands for (an address that has none, a
     *        plain IPv6 address, is left out)
     * @param names the names the host is known by, without its dotted quad
     */
    boolean matches(int[] ipv4, List<String> names);
}
