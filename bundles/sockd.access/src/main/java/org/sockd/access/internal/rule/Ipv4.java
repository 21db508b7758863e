package org.sockd.access.internal.rule;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/** The IPv4 view of addresses, the only kind the numeric patterns of sockd.conf can describe. */
final class Ipv4 {

    private static final int[] NONE = {};

    private Ipv4() {
    }

    /** @return the IPv4 views of the addresses that have one, in order */
    static int[] of(List<InetAddress> addresses) {
        int[] values = new int[addresses.size()];
        int count = 0;
        for (InetAddress address : addresses) {
            byte[] bytes = address.getAddress();
            if (bytes.length == 4) {
                values[count++] = value(bytes, 0);
            } else if (isMapped(bytes)) {
                values[count++] = value(bytes, 12);
            }
        }
        return count == values.length ? values : count == 0 ? NONE : Arrays.copyOf(values, count);
    }

    /** @return the IPv4 view of one address: one value, or none for a plain IPv6 address */
    static int[] of(InetAddress address) {
        return of(List.of(address));
    }

    private static int value(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    /**
     * An IPv4-mapped IPv6 address (::ffff:a.b.c.d, as a dual-stack listener may report a client)
     * is the IPv4 host it carries, so the rules for that host apply to it. Other IPv6 addresses,
     * IPv4-compatible ones included, have no IPv4 view.
     */
    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
