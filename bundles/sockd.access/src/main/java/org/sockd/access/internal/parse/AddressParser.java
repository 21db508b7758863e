package org.sockd.access.internal.parse;

import static org.sockd.common.text.SyntaxException.quoted;

import java.nio.ByteBuffer;
import org.sockd.access.internal.rule.AddressMask;
import org.sockd.access.internal.rule.AddressPattern;
import org.sockd.access.internal.rule.NamePattern;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * Parses an address and mask pair (the SOCKS 4.3 forms): the address is a dotted quad
 * or a name pattern, the mask always a dotted quad.
 */
final class AddressParser {

    private static final String ALL = "ALL";

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
