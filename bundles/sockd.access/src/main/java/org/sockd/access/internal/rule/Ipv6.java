package org.sockd.access.internal.rule;

import java.net.InetAddress;
import java.util.List;

/** The 128-bit view of addresses, what {@link Ipv6Prefix} compares: an IPv4 address as ::ffff:a.b.c.d. */
final class Ipv6 {

    private static final long MAPPED = 0xFFFFL << 32;

    private Ipv6() {
    }

    /** @return two longs per address, its first and its last 64 bits, in order */
    static long[] of(List<InetAddress> addresses) {
        long[] values = new long[addresses.size() * 2];
        for (int i = 0; i < addresses.size(); i++) {
            byte[] bytes = addresses.get(i).getAddress();
            if (bytes.length == 4) {
                values[2 * i + 1] = MAPPED | (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8
                        | bytes[3] & 0xff;
            } else {
                values[2 * i] = half(bytes, 0);
                values[2 * i + 1] = half(bytes, 8);
            }
        }
        return values;
    }

    static long[] of(InetAddress address) {
        return of(List.of(address));
    }

    /** @return the 64 bits of a 16-byte address from {@code offset} */
    static long half(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = value << 8 | bytes[i] & 0xff;
        }
        return value;
    }
}
