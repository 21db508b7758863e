package org.sockd.route.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.sockd.common.text.SyntaxException;

/**
 * Address fields of a route line: IPv4 dotted quads as in the classic file, and, as an extension,
 * IPv6 addresses. They are written back with {@link org.sockd.common.net.AddressText}.
 */
final class AddressField {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** What inet_addr() would read as a number: decimal, octal or hex parts, one to four of them. */
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("([0-9]+|0[xX][0-9A-Fa-f]*)(\\.([0-9]+|0[xX][0-9A-Fa-f]*))*");
    /** Hex digits, colons and dots with at least one colon; a scope ({@code %eth0}) is not accepted. */
    private static final Pattern IPV6_LIKE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final String QUAD_HINT = "four decimal numbers 0-255 without leading zeros, like 10.0.0.0,"
            + " or an IPv6 address like fd00::1";

    private AddressField() {
    }

    /** @return whether the field is written as an address, so that it must be a valid one, not a name */
    static boolean looksNumeric(String field) {
        return NUMBER_LIKE.matcher(field).matches() || IPV6_LIKE.matcher(field).matches();
    }

    /** @param what names the field in messages, e.g. "interface address" */
    static InetAddress parse(String field, String what) throws SyntaxException {
        return IPV6_LIKE.matcher(field).matches() ? ipv6(field, what) : ipv4(field, what);
    }

    /**
     * Exactly four decimal octets. inet_addr() read a leading zero as octal, 0x as hex, and
     * accepted short forms like 10.1; all are refused so a line never means something other than
     * it reads.
     */
    private static InetAddress ipv4(String field, String what) throws SyntaxException {
        if (!DOTTED_QUAD.matcher(field).matches()) {
            throw new SyntaxException("Invalid " + what + " " + quoted(field) + " (expected " + QUAD_HINT + ")");
        }
        byte[] bytes = new byte[4];
        String[] octets = field.split("\\.");
        for (int i = 0; i < 4; i++) {
            int number = Integer.parseInt(octets[i]);
            if (number > 255) {
                throw new SyntaxException("Invalid " + what + " " + quoted(field) + " (" + number + " is over 255)");
            }
            bytes[i] = (byte) number;
        }
        return byAddress(bytes);
    }

    /** A colon makes getByName() read the field as a literal: no name is ever looked up here. */
    private static InetAddress ipv6(String field, String what) throws SyntaxException {
        InetAddress address;
        try {
            address = InetAddress.getByName(field);
        } catch (UnknownHostException e) {
            throw new SyntaxException("Invalid " + what + " " + quoted(field) + " (not a valid IPv6 address)");
        }
        if (address instanceof Inet4Address) {
            throw new SyntaxException("Invalid " + what + " " + quoted(field)
                    + " (an IPv4-mapped IPv6 address: write the IPv4 address " + address.getHostAddress() + ")");
        }
        return address;
    }

    /** @param bytes 4 or 16 bytes */
    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }
}
