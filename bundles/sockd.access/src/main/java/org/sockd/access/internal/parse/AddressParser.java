package org.sockd.access.internal.parse;

import static org.sockd.access.internal.parse.ConfSyntaxException.quoted;

import java.util.regex.Pattern;
import org.sockd.access.internal.rule.AddressMask;

/** Parses an address and mask pair written as dotted quads. */
final class AddressParser {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern NAME = Pattern.compile("\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private AddressParser() {
    }

    /** @param role "source" or "destination", to name the field in messages */
    static AddressMask pair(String address, String mask, String role) throws ConfSyntaxException {
        return new AddressMask(address(address, role), quad(mask, role + " mask"));
    }

    private static int address(String field, String role) throws ConfSyntaxException {
        if (field.startsWith("?=") || field.startsWith("*=")) {
            throw new ConfSyntaxException("Invalid entry: " + quoted(field)
                    + " is out of place (order: action, ?=, *=, source, destination, port)");
        }
        if (NAME.matcher(field).matches() && !NUMERIC.matcher(field).matches()) {
            // A name pattern of SOCKS 4.3 (host, .zone, ALL). Refuse it rather than misread it
            // until the name matcher exists.
            throw new ConfSyntaxException("host name patterns are not supported yet: " + role
                    + " address " + quoted(field));
        }
        return quad(field, role + " address");
    }

    /**
     * Exactly four decimal octets. inet_addr() read a leading zero as octal and accepted short
     * forms like 10.1; both are refused so a rule never means something other than it reads.
     */
    private static int quad(String field, String what) throws ConfSyntaxException {
        if (!DOTTED_QUAD.matcher(field).matches()) {
            throw new ConfSyntaxException("Invalid " + what + " " + quoted(field)
                    + " (expected four decimal numbers 0-255 without leading zeros, like 10.0.0.0)");
        }
        int value = 0;
        for (String octet : field.split("\\.")) {
            int number = Integer.parseInt(octet);
            if (number > 255) {
                throw new ConfSyntaxException(
                        "Invalid " + what + " " + quoted(field) + " (" + number + " is over 255)");
            }
            value = value << 8 | number;
        }
        return value;
    }
}
