package org.sockd.access.internal.parse;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.Ipv6Prefix;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.common.net.AddressText;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * Parses an address and mask pair (the SOCKS 4.3 forms): the address is a dotted quad
 * or a name pattern, the mask always a dotted quad. An IPv6 prefix, {@code 2001:db8::/32}, is an
 * extension that stands in one field where a pair stands in two.
 */
final class AddressParser {

    private static final String ALL = "ALL";
    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    private AddressParser() {
    }

    /** @param role "source" or "destination", to name the field in messages */
    static AddressPattern pair(String address, String mask, String role) throws SyntaxException {
        if (address.startsWith("?=") || address.startsWith("*=")) {
            throw new SyntaxException("Invalid entry: " + quoted(address)
                    + " is out of place (order: action, ?=, *=, source, destination, port)");
        }
        if (AddressLiterals.numberLike(address)) {
            return new AddressMask(quad(address, role + " address"), quad(mask, role + " mask"));
        }
        NamePattern name = name(address, role);
        // Ignored with a name, but SOCKS 4.3 still required a valid mask, and so does this parser.
        quad(mask, role + " mask");
        return name;
    }

    /**
     * Its colons are kept (every other colon starts the command), so it is narrow: IPv6-like text,
     * a slash and digits. A command glued to the colon, {@code eq 23:/bin/logger}, is not one.
     *
     * @return whether the field is written as an IPv6 prefix, so that it is one field, not a pair
     */
    static boolean isPrefix(String field) {
        int slash = field.indexOf('/');
        return slash > 0 && slash < field.length() - 1 && AddressLiterals.ipv6Like(field.substring(0, slash))
                && field.substring(slash + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * An IPv4-mapped network ({@code ::ffff:10.0.0.0/104}) keeps its 16 bytes: Java would make it
     * IPv4, but the prefix length counts IPv6 bits.
     */
    static Ipv6Prefix prefix(String field, String role) throws SyntaxException {
        int slash = field.indexOf('/');
        String length = field.substring(slash + 1);
        Optional<InetAddress> address = AddressLiterals.ipv6(field.substring(0, slash));
        if (address.isEmpty() || !PREFIX_LENGTH.matcher(length).matches() || Integer.parseInt(length) > 128) {
            throw new SyntaxException("Invalid " + role + " prefix " + quoted(field)
                    + " (expected an IPv6 address, a slash and a length 0-128, like 2001:db8::/32)");
        }
        byte[] bytes = address.get().getAddress();
        if (bytes.length == 4) {
            bytes = mapped(bytes);
        }
        int bits = Integer.parseInt(length);
        byte[] network = bytes.clone();
        for (int i = 0; i < 16; i++) {
            int kept = Math.max(0, Math.min(8, bits - 8 * i));
            network[i] &= (byte) (0xff << (8 - kept));
        }
        if (!Arrays.equals(network, bytes)) {
            // refused rather than cut down, so that a line never means other hosts than it reads
            throw new SyntaxException("Invalid " + role + " prefix " + quoted(field) + " (bits set past /" + bits
                    + "; the network is " + AddressText.ipv6(network) + "/" + bits + ")");
        }
        return Ipv6Prefix.of(network, bits);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    private static NamePattern name(String field, String role) throws SyntaxException {
        if (field.equals(ALL)) {
            return new NamePattern.All();
        }
        if (field.equalsIgnoreCase(ALL)) {
            // 4.3 compared ALL case-sensitively, so "all" was a host called "all" that never
            // matched: refused here, as a deny rule meant for everyone would let everyone through.
            throw new SyntaxException("Invalid " + role + " address " + quoted(field)
                    + " (ALL, any host, is written in upper case)");
        }
        if (!HostNames.isPattern(field)) {
            throw new SyntaxException("Invalid " + role + " address " + quoted(field)
                    + " (expected a dotted quad like 10.0.0.0, a host name like host.example.com,"
                    + " a zone like .example.com, or ALL)");
        }
        return field.startsWith(".") ? new NamePattern.Zone(field) : new NamePattern.Host(field);
    }

    /** A strict dotted quad, as the rule compares it: one int in network order. */
    private static int quad(String field, String what) throws SyntaxException {
        byte[] bytes = AddressLiterals.dottedQuad(field, "Invalid " + what, AddressLiterals.QUAD_HINT);
        return ByteBuffer.wrap(bytes).getInt();
    }
}
