package org.sockd.access.internal.parse;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.regex.Pattern;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.common.text.SyntaxException;

/**
 * Parses an address and mask pair (spec section 4, SOCKS 4.3 forms): the address is a dotted quad
 * or a name pattern, the mask always a dotted quad.
 */
final class AddressParser {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** What inet_addr() would read as a number: decimal, octal or hex parts, one to four of them. */
    private static final Pattern NUMBER_LIKE =
            Pattern.compile("([0-9]+|0[xX][0-9A-Fa-f]*)(\\.([0-9]+|0[xX][0-9A-Fa-f]*))*");
    private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String ALL = "ALL";

    private AddressParser() {
    }

    /** @param role "source" or "destination", to name the field in messages */
    static AddressPattern pair(String address, String mask, String role) throws SyntaxException {
        if (address.startsWith("?=") || address.startsWith("*=")) {
            throw new SyntaxException("Invalid entry: " + quoted(address)
                    + " is out of place (order: action, ?=, *=, source, destination, port)");
        }
        if (NUMBER_LIKE.matcher(address).matches()) {
            return new AddressMask(quad(address, role + " address"), quad(mask, role + " mask"));
        }
        NamePattern name = name(address, role);
        // Ignored with a name, but SOCKS 4.3 still required a valid mask, and so does this parser.
        quad(mask, role + " mask");
        return name;
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
        if (!NAME.matcher(field).matches()) {
            throw new SyntaxException("Invalid " + role + " address " + quoted(field)
                    + " (expected a dotted quad like 10.0.0.0, a host name like host.example.com,"
                    + " a zone like .example.com, or ALL)");
        }
        return field.startsWith(".") ? new NamePattern.Zone(field) : new NamePattern.Host(field);
    }

    /**
     * Exactly four decimal octets. inet_addr() read a leading zero as octal, 0x as hex, and
     * accepted short forms like 10.1; all are refused so a rule never means something other than
     * it reads.
     */
    private static int quad(String field, String what) throws SyntaxException {
        if (!DOTTED_QUAD.matcher(field).matches()) {
            throw new SyntaxException("Invalid " + what + " " + quoted(field)
                    + " (expected four decimal numbers 0-255 without leading zeros, like 10.0.0.0)");
        }
        int value = 0;
        for (String octet : field.split("\\.")) {
            int number = Integer.parseInt(octet);
            if (number > 255) {
                throw new SyntaxException(
                        "Invalid " + what + " " + quoted(field) + " (" + number + " is over 255)");
            }
            value = value << 8 | number;
        }
        return value;
    }
}
