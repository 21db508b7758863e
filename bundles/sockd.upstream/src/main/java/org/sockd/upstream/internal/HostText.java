package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.sockd.common.net.AddressText;
import org.sockd.common.text.SyntaxException;

/**
 * Hosts as socks.conf writes them: strict dotted quads, IPv6 literals, and host names. Nothing
 * here looks a name up.
 */
final class HostText {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** What inet_addr() would read as a number: decimal, octal or hex parts, one to four of them. */
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("([0-9]+|0[xX][0-9A-Fa-f]*)(\\.([0-9]+|0[xX][0-9A-Fa-f]*))*");
    /** Hex digits, colons and dots with at least one colon; a scope ({@code %eth0}) is not accepted. */
    private static final Pattern IPV6_LIKE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?");
    private static final String QUAD_HINT = "four decimal numbers 0-255 without leading zeros, like 10.0.0.0";

    private HostText() {
    }

    /** @return whether the field is written as an address, so that it must be a valid one, not a name */
    static boolean looksNumeric(String field) {
        return NUMBER_LIKE.matcher(field).matches() || isIpv6Like(field);
    }

    static boolean isIpv6Like(String field) {
        return IPV6_LIKE.matcher(field).matches();
    }

    /** @return whether the field can be a host name (letters, digits, '-', '_', dots between labels) */
    static boolean isName(String field) {
        return NAME.matcher(field).matches() && !NUMBER_LIKE.matcher(field).matches();
    }

    /** @param what names the field in messages, e.g. "destination address" */
    static byte[] address(String field, String what) throws SyntaxException {
        return isIpv6Like(field) ? ipv6(field, what) : ipv4(field, what);
    }

    /**
     * Exactly four decimal octets: inet_addr() read a leading zero as octal, 0x as hex, and short
     * forms like 10.1; all are refused so a line never means something other than it reads.
     */
    static byte[] ipv4(String field, String what) throws SyntaxException {
        if (!DOTTED_QUAD.matcher(field).matches()) {
            throw new SyntaxException(what + " " + quoted(field) + " (expected " + QUAD_HINT + ")");
        }
        byte[] bytes = new byte[4];
        String[] octets = field.split("\\.");
        for (int i = 0; i < 4; i++) {
            int number = Integer.parseInt(octets[i]);
            if (number > 255) {
                throw new SyntaxException(what + " " + quoted(field) + " (" + number + " is over 255)");
            }
            bytes[i] = (byte) number;
        }
        return bytes;
    }

    static boolean isIpv6Literal(String field) {
        try {
            ipv6(field, "");
            return true;
        } catch (SyntaxException e) {
            return false;
        }
    }

    /** A colon makes getByName() read the field as a literal: no name is ever looked up here. */
    static byte[] ipv6(String field, String what) throws SyntaxException {
        InetAddress address = null;
        try {
            address = isIpv6Like(field) ? InetAddress.getByName(field) : null;
        } catch (UnknownHostException e) {
            // reported below
        }
        if (address == null || address instanceof Inet4Address) {
            throw new SyntaxException(what + " " + quoted(field) + " (not an IPv6 address like fd00::1)");
        }
        return address.getAddress();
    }

    /** @return the dotted quad, or the IPv6 address in its RFC 5952 form */
    static String text(byte[] address) {
        try {
            return AddressText.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + address.length, e);
        }
    }
}
