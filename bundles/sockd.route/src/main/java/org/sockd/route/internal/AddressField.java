package org.sockd.route.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.text.SyntaxException;

/**
 * Address fields of a route line: IPv4 dotted quads as in the classic file, and, as an extension,
 * IPv6 addresses. They are written back with {@link org.sockd.common.net.AddressText}.
 */
final class AddressField {

    private static final String QUAD_HINT = AddressLiterals.QUAD_HINT + ", or an IPv6 address like fd00::1";

    private AddressField() {
    }

    /** @param what names the field in messages, e.g. "interface address" */
    static InetAddress parse(String field, String what) throws SyntaxException {
        return AddressLiterals.ipv6Like(field) ? ipv6(field, what)
                : AddressLiterals.byAddress(AddressLiterals.dottedQuad(field, "Invalid " + what, QUAD_HINT));
    }

    private static InetAddress ipv6(String field, String what) throws SyntaxException {
        InetAddress address = AddressLiterals.ipv6(field).orElseThrow(() ->
                new SyntaxException("Invalid " + what + " " + quoted(field) + " (not a valid IPv6 address)"));
        if (address instanceof Inet4Address) {
            throw new SyntaxException("Invalid " + what + " " + quoted(field)
                    + " (an IPv4-mapped IPv6 address: write the IPv4 address " + address.getHostAddress() + ")");
        }
        return address;
    }
}
