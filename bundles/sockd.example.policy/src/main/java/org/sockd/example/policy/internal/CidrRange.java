package org.sockd.example.policy.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.sockd.common.net.AddressText;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); an address
 * without a prefix is that one host. Only address literals are accepted, never a name to look up.
 *
 * @param network the first address of the block
 * @param prefix how many leading bits every address of the block shares with {@code network}
 */
record CidrRange(InetAddress network, int prefix) {

    /** Dotted quad with no leading zeros: {@code 010.0.0.1} means octal to some programs and decimal to others. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    CidrRange {
        if (prefix < 0 || prefix > bits(network)) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range for " + AddressText.of(network));
        }
    }

    /**
     * @param text {@code ADDRESS} or {@code ADDRESS/PREFIX}
     * @throws IllegalArgumentException saying what is wrong, in words a person can act on
     */
    static CidrRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = literal(address);
        int prefix = slash < 0 ? bits(network) : prefixLength(text.substring(slash + 1), network);
        CidrRange range = new CidrRange(network, prefix);
        if (!Arrays.equals(range.mask(network), network.getAddress())) {
            throw new IllegalArgumentException(text + " has bits set after the first " + prefix
                    + "; the block is " + new CidrRange(range.masked(network), prefix));
        }
        return range;
    }

    /** @return true when the address lies in this block; an IPv4-mapped IPv6 address counts as IPv4 */
    boolean contains(InetAddress address) {
        InetAddress plain = unmapped(address);
        return plain.getClass() == network.getClass() && Arrays.equals(mask(plain), network.getAddress());
    }

    /** @return the address with every bit after the prefix cleared */
    byte[] mask(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    private InetAddress masked(InetAddress address) {
        try {
            return InetAddress.getByAddress(mask(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // the length came from an address
        }
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 address. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    private static InetAddress literal(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                String[] octets = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address: " + octet + " > 255");
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (IPV6.matcher(text).matches()) {
                // with a colon in it, the JDK parses the text as an IPv6 literal and never asks DNS
                return unmapped(InetAddress.getByName(text));
            }
        } catch (UnknownHostException e) {
            // not a valid literal either: said below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 or IPv6 address");
    }

    private static int prefixLength(String text, InetAddress network) {
        if (!text.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("prefix \"/" + text + "\" is not a number of bits");
        }
        int prefix = Integer.parseInt(text);
        if (prefix > bits(network)) {
            throw new IllegalArgumentException("prefix /" + prefix + " is longer than the " + bits(network)
                    + " bits of an " + (network instanceof Inet4Address ? "IPv4" : "IPv6") + " address");
        }
        return prefix;
    }

    private static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    @Override
    public String toString() {
        return AddressText.of(network) + "/" + prefix;
    }
}
