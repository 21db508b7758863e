package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.List;
import java.util.Locale;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/**
 * The {@code dst_addr dst_mask} pair of a classic line: a dotted quad and mask (as sockd.conf), an
 * IPv6 address and mask (as sockd.route), or a name pattern ({@code host}, {@code .zone},
 * {@code ALL}) whose mask is ignored but must still be a valid dotted quad.
 */
final class ClassicPatterns {

    private ClassicPatterns() {
    }

    static HostPattern destination(String address, String mask) throws SyntaxException {
        if (address.startsWith("@=") || address.startsWith("*=")) {
            throw ClassicLineParser.shape(List.of(address, mask));
        }
        if (AddressLiterals.looksNumeric(address)) {
            byte[] bytes = HostText.address(address, "Invalid destination address");
            byte[] bits = bytes.length == 4 ? HostText.ipv4(mask, "Illegal destination mask")
                    : HostText.ipv6(mask, "Illegal destination mask");
            return new HostPattern.Network(bytes, bits);
        }
        HostPattern name = name(address);
        HostText.ipv4(mask, "Illegal destination mask"); // ignored with a name, but it must be there and valid
        return name;
    }

    private static HostPattern name(String field) throws SyntaxException {
        if (field.equals("ALL")) {
            return new HostPattern.All();
        }
        if (field.toUpperCase(Locale.ROOT).equals("ALL")) {
            // 4.3 compared ALL case-sensitively, so "all" was a host called "all": refused as a likely mistake.
            throw new SyntaxException("Invalid destination address " + quoted(field) + " (ALL, any host, is upper case)");
        }
        boolean zone = field.startsWith(".");
        String name = zone ? field.substring(1) : field;
        if (!HostNames.isName(name) || name.endsWith(".")) {
            throw new SyntaxException("Invalid destination address " + quoted(field) + " (expected a dotted quad like"
                    + " 10.0.0.0, an IPv6 address, a host name like host.example.com, a zone like .example.com, or ALL)");
        }
        return zone ? new HostPattern.Zone(field) : new HostPattern.Host(field);
    }
}
