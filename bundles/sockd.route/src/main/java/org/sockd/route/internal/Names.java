package org.sockd.route.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.Locale;
import org.sockd.common.rules.HostNames;
import org.sockd.common.text.SyntaxException;

/** Name destinations ({@code host}, {@code .zone}) as written in a route file and as given by a client. */
final class Names {

    /** With a name the mask is ignored, but the classic grammar still needs one written. */
    static final String IGNORED_MASK = "0.0.0.0";

    private Names() {
    }

    /** @param field a destination field that is not written as an address */
    static Destination parse(String field) throws SyntaxException {
        if (field.toUpperCase(Locale.ROOT).equals("ALL")) {
            // sockd.conf has ALL for any host; here it would only be a host called "all".
            throw new SyntaxException("Invalid destination address " + quoted(field)
                    + " (ALL is no route destination: write 0.0.0.0 0.0.0.0 for any IPv4 destination, :: :: for any IPv6 one)");
        }
        if (!HostNames.isPattern(field)) {
            throw new SyntaxException("Invalid destination address " + quoted(field)
                    + " (expected an address like 10.0.0.0 or fd00::, a host name like host.example.com,"
                    + " or a zone like .example.com)");
        }
        return field.startsWith(".") ? new Destination.Zone(field) : new Destination.Host(field);
    }

    /** A client may write {@code host.example.com.}, the same host as {@code host.example.com}. */
    static String absolute(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
