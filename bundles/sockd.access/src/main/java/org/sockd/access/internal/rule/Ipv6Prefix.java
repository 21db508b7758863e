package org.sockd.access.internal.rule;

import java.util.List;

/**
 * An IPv6 prefix of a rule, {@code 2001:db8::/32}, where the classic grammar has an address and
 * mask pair. It compares the 128-bit form of each address the host stands for; an IPv4 address
 * is compared as ::ffff:a.b.c.d, so {@code ::/0} is anyone and {@code ::ffff:0:0/96} any IPv4 host.
 *
 * @param high the first 64 bits of the network
 * @param low the last 64 bits of the network
 * @param length how many leading bits are compared, 0..128; the network has no bit set past them
 */
public record Ipv6Prefix(long high, long low, int length) implements AddressPattern {

    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("an IPv6 prefix length is 0 to 128, not " + length);
        }
        if ((high & ~highMask(length)) != 0 || (low & ~lowMask(length)) != 0) {
            throw new IllegalArgumentException("bits set past /" + length);
        }
    }

    /** @param ipv6 two longs per address, as {@link Ipv6#of} gives them */
    @Override
    public boolean matches(int[] ipv4, long[] ipv6, List<String> names) {
        long highMask = highMask(length);
        long lowMask = lowMask(length);
        for (int i = 0; i < ipv6.length; i += 2) {
            if ((ipv6[i] & highMask) == high && (ipv6[i + 1] & lowMask) == low) {
                return true;
            }
        }
        return false;
    }

    /** @return the network's 16 bytes */
    public byte[] network() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** @return the prefix of a 16-byte network */
    public static Ipv6Prefix of(byte[] network, int length) {
        return new Ipv6Prefix(Ipv6.half(network, 0), Ipv6.half(network, 8), length);
    }

    private static long highMask(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private static long lowMask(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }
}
