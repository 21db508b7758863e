package org.sockd.common.rules;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.sockd.common.netdb.Services;
import org.sockd.common.text.SyntaxException;

/**
 * Parses port fields: a decimal number or a tcp service name, and the classic {@code op port}
 * pair. Only classic keywords make a pair here; Dante's symbols and ranges are the caller's.
 */
public final class PortParser {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}");

    private final Services services;

    /** @param services where service names are looked up */
    public PortParser(Services services) {
        this.services = services;
    }

    /**
     * @return the classic {@code op port} test
     * @throws SyntaxException for an operator that is no classic keyword or a bad port
     */
    public PortTest classic(String op, String port) throws SyntaxException {
        Op parsed = Op.classic(op).orElseThrow(() -> new SyntaxException("Invalid comparison " + quoted(op)
                + " (one of eq, neq, lt, gt, le, ge)"));
        return new PortTest.Compare(parsed, port(port));
    }

    /**
     * @return the port a field names
     * @throws SyntaxException for a number out of range or an unknown service
     */
    public int port(String field) throws SyntaxException {
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
