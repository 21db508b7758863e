package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.sockd.common.netdb.Services;
import org.sockd.common.text.SyntaxException;

/** Port fields: a decimal number or a tcp service name. */
final class Ports {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}");

    private Ports() {
    }

    static int port(String field, Services services) throws SyntaxException {
        if (DECIMAL.matcher(field).matches() && Integer.parseInt(field) <= 0xFFFF) {
            return Integer.parseInt(field);
        }
        OptionalInt service = services.port(field);
        if (service.isEmpty()) {
            throw new SyntaxException("Invalid port number " + quoted(field) + " (a number 0-65535 or a tcp service name)");
        }
        return service.getAsInt();
    }
}
