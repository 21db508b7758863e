package org.sockd.common.rules;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockd.common.text.SyntaxException;

/**
 * Addresses as the rule files write them: strict dotted quads and IPv6 literals. Nothing here
 * looks a name up. Each file words its own messages; the checks are the same everywhere.
 */
public final class AddressLiterals {

    /** What a dotted quad must look like, for messages. */
    public static final String QUAD_HINT = "four decimal numbers 0-255 without leading zeros, like 10.0.0.0";

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** What inet_addr() would read as a number: decimal, octal or hex parts, one to four of them. */
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("([0-9]+|0[xX][0-9A-Fa-f]*)(\\.([0-9]+|0[xX][0-9A-Fa-f]*))*");
    /** Hex digits, colons and dots with at least one colon; a scope ({@code %eth0}) is not accepted. */
    private static final Pattern IPV6_LIKE = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private AddressLiterals() {
    }

    /** @return whether inet_addr() would read the field as a number, so that it must be a strict dotted quad */
    public static boolean numberLike(String field) {
        return NUMBER_LIKE.matcher(field).matches();
    }

    /** @return whether the field is written like an IPv6 address */
    public static boolean ipv6Like(String field) {
        return IPV6_LIKE.matcher(field).matches();
    }

    /** @return whether the field is written as an address, so that it must be a valid one, not a name */
    public static boolean looksNumeric(String field) {
        return numberLike(field) || ipv6Like(field);
    }

    /**
     * Exactly four decimal octets. inet_addr() read a leading zero as octal, 0x as hex, and
     * accepted short forms like 10.1; all are refused so a line never means something other than
     * it reads.
     *
     * @param subject how a message starts, e.g. {@code Invalid destination mask}
     * @param expected what a message says is expected, e.g. {@link #QUAD_HINT}
     * @return the four bytes
     * @throws SyntaxException {@code subject "field" (expected ...)} or {@code subject "field" (N is over 255)}
     */
    public static byte[] dottedQuad(String field, String subject, String expected) throws SyntaxException {
        if (!DOTTED_QUAD.matcher(field).matches()) {
            throw new SyntaxException(subject + " " + quoted(field) + " (expected " + expected + ")");
        }
        byte[] bytes = new byte[4];
        String[] octets = field.split("\\.");
        for (int i = 0; i < 4; i++) {
            int number = Integer.parseInt(octets[i]);
            if (number > 255) {
                throw new SyntaxException(subject + " " + quoted(field) + " (" + number + " is over 255)");
            }
            bytes[i] = (byte) number;
        }
        return bytes;
    }

    /**
     * A colon makes getByName() read the field as a literal: no name is ever looked up here.
     *
     * @return the address an IPv6-like field names (an IPv4-mapped one comes back as IPv4), or empty
     */
    public static Optional<InetAddress> ipv6(String field) {
        if (!ipv6Like(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(field));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * A strict dotted quad or an IPv6 literal, as a configuration value names one address.
     *
     * @return the address (an IPv4-mapped one comes back as IPv4), or empty for anything else,
     *         never by a name lookup
     */
    public static Optional<InetAddress> literal(String field) {
        if (ipv6Like(field)) {
            return ipv6(field);
        }
        try {
            return Optional.of(byAddress(dottedQuad(field, "", "")));
        } catch (SyntaxException e) {
            return Optional.empty();
        }
    }

    /** @param bytes 4 or 16 bytes */
    public static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }
}
