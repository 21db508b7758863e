package org.sockd.common.net;

import java.util.OptionalInt;

/**
 * The IPv4 host an address stands for, so that rules written for IPv4 networks cannot be gone
 * around by an IPv6 spelling of the same host. The IPv6 forms that carry an IPv4 address reach
 * it: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96 and the local-use
 * 64:ff9b:1::/48 of RFC 8215, the address in the last 32 bits) and 6to4 (2002::/16, bits 16 to
 * 47); ::1 is the loopback host 127.0.0.1. Only :: stays without one: it is not a host.
 */
public final class EmbeddedIpv4 {

    private static final int LOOPBACK = 0x7F000001;

    private EmbeddedIpv4() {
    }

    /**
     * @param bytes an address, 4 or 16 bytes
     * @return the IPv4 address, in network order as an int, or empty for an IPv6 address that carries none
     */
    public static OptionalInt of(byte[] bytes) {
        if (bytes.length == 4) {
            return OptionalInt.of(value(bytes, 0));
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
        }
        if (zero(bytes, 0, 10)) {
            if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
                return OptionalInt.of(value(bytes, 12)); // IPv4-mapped
            }
            if (zero(bytes, 10, 12)) {
                int last = value(bytes, 12);
                // :: and ::1 are no IPv4-compatible addresses (RFC 4291); ::1 is this host all the same
                return last == 0 ? OptionalInt.empty() : OptionalInt.of(last == 1 ? LOOPBACK : last);
            }
            return OptionalInt.empty();
        }
        if (word(bytes, 0) == 0x0064 && word(bytes, 2) == 0xff9b
                && (zero(bytes, 4, 12) || word(bytes, 4) == 0x0001)) {
            return OptionalInt.of(value(bytes, 12)); // NAT64, well-known and local-use prefix
        }
        if (word(bytes, 0) == 0x2002) {
            return OptionalInt.of(value(bytes, 2)); // 6to4
        }
        return OptionalInt.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    private static int value(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }
}
