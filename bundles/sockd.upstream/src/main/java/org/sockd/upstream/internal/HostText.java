package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.net.Inet4Address;
import org.sockd.common.net.AddressText;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.text.SyntaxException;

/**
 * Addresses as socks.conf writes them, in its wording: strict dotted quads and IPv6 literals,
 * checked by {@link AddressLiterals}. Nothing here looks a name up.
 */
final class HostText {

    private HostText() {
    }

    /** @param what how messages start, e.g. "Invalid destination address" */
    static byte[] address(String field, String what) throws SyntaxException {
        return AddressLiterals.ipv6Like(field) ? ipv6(field, what) : ipv4(field, what);
    }

    static byte[] ipv4(String field, String what) throws SyntaxException {
        return AddressLiterals.dottedQuad(field, what, AddressLiterals.QUAD_HINT);
    }

    static boolean isIpv6Literal(String field) {
        return AddressLiterals.ipv6(field).filter(address -> !(address instanceof Inet4Address)).isPresent();
    }

    static byte[] ipv6(String field, String what) throws SyntaxException {
        if (!isIpv6Literal(field)) {
            throw new SyntaxException(what + " " + quoted(field) + " (not an IPv6 address like fd00::1)");
        }
        return AddressLiterals.ipv6(field).orElseThrow().getAddress();
    }

    /** @return the dotted quad, or the IPv6 address in its RFC 5952 form */
    static String text(byte[] address) {
        return AddressText.of(AddressLiterals.byAddress(address));
    }
}
