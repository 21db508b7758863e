package org.sockd.access.internal.rule;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.sockd.common.net.EmbeddedIpv4;

/**
 * The IPv4 view of addresses, what the address and mask pairs of sockd.conf compare. An IPv6
 * address that carries an IPv4 address ({@link EmbeddedIpv4}: mapped, compatible, NAT64, 6to4,
 * and ::1 as 127.0.0.1) is that IPv4 host, so that a rule for a network cannot be gone around
 * by an IPv6 spelling of one of its hosts.
 */
final class Ipv4 {

    private static final int[] NONE = {};

    private Ipv4() {
    }

    /** @return the IPv4 views of the addresses that have one, in order */
    static int[] of(List<InetAddress> addresses) {
        int[] values = new int[addresses.size()];
        int count = 0;
        for (InetAddress address : addresses) {
            OptionalInt value = EmbeddedIpv4.of(address.getAddress());
            if (value.isPresent()) {
                values[count++] = value.getAsInt();
            }
        }
        return count == values.length ? values : count == 0 ? NONE : Arrays.copyOf(values, count);
    }

    /** @return the IPv4 view of one address: one value, or none for an IPv6 address that carries none */
    static int[] of(InetAddress address) {
        return of(List.of(address));
    }

    /**
     * A client's IPv4 view is narrower: only the forms that are that host itself, an IPv4-mapped
     * peer of a dual-stack socket and ::1. A NAT64, 6to4 or IPv4-compatible source is another
     * host, whose address a neighbour on the link can take; reading it as the IPv4 host would let
     * it in as that host (with the shipped rules, as 127.0.0.1).
     */
    static int[] ofClient(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && !isMappedOrLoopback(bytes)) {
            return NONE;
        }
        return of(address);
    }

    private static boolean isMappedOrLoopback(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean loopback = bytes[10] == 0 && bytes[11] == 0 && bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0
                && bytes[15] == 1;
        return mapped || loopback;
    }
}
