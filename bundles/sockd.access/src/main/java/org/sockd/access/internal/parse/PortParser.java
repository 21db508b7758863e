package org.sockd.access.internal.parse;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.sockd.access.internal.rule.Op;
import org.sockd.access.internal.rule.PortTest;
import org.sockd.common.netdb.Services;
import org.sockd.common.text.SyntaxException;

/** Parses the {@code op port} pair; a port is a decimal number or a tcp service name. */
final class PortParser {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}");

    private final Services services;

    PortParser(Services services) {
        this.services = services;
    }

    PortTest test(String op, String port) throws SyntaxException {
        Op parsed = Op.of(op).orElseThrow(() -> new SyntaxException("Invalid comparison " + quoted(op)
                + " (one of eq, neq, lt, gt, le, ge)"));
        return new PortTest.Compare(parsed, port(port));
    }

    private int port(String field) throws SyntaxException {
        if (DECIMAL.matcher(field).matches() && Integer.parseInt(field) <= 0xFFFF) {
            return Integer.parseInt(field);
        }
        OptionalInt service = services.port(field);
        if (service.isEmpty()) {
            throw new SyntaxException("Invalid port number " + quoted(field)
                    + " (a number 0-65535 or a tcp service name)");
        }
        return service.getAsInt();
    }
}
