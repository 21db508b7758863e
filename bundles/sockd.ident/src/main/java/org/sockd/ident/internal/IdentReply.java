package org.sockd.ident.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.sockd.api.ident.IdentResult;

/**
 * Reads one identd answer line, {@code <port> , <port> : <type> : <info>} without its CR LF
 * (RFC 1413). Nothing is escaped here: the log escapes what it prints.
 */
final class IdentReply {

    private static final Set<String> ERRORS = Set.of("INVALID-PORT", "NO-USER", "HIDDEN-USER", "UNKNOWN-ERROR");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    // RFC 1413 allows white space around tokens; only blanks and tabs, since the user-id may hold any other octet.
    private static final Pattern OUTER_BLANKS = Pattern.compile("^[ \\t]+|[ \\t]+$");

    private IdentReply() {}

    /**
     * @param line the answer without its line end
     * @param clientPort the port on the identd's host that was asked about (first in the query)
     * @param serverPort our port of that connection (second in the query)
     */
    static IdentResult parse(String line, int clientPort, int serverPort) {
        // At most four fields: the user-id is everything after the third colon, colons included.
        String[] fields = line.split(":", 4);
        if (fields.length < 3) {
            return malformed("missing fields", line);
        }
        String[] ports = fields[0].split(",", -1);
        if (ports.length != 2 || !PORT.matcher(trim(ports[0])).matches() || !PORT.matcher(trim(ports[1])).matches()) {
            return malformed("bad port pair", line);
        }
        if (Integer.parseInt(trim(ports[0])) != clientPort || Integer.parseInt(trim(ports[1])) != serverPort) {
            return new IdentResult.Unreachable("answer for other ports: " + trim(fields[0]));
        }
        return switch (trim(fields[1])) {
            case "USERID" -> user(fields, line);
            case "ERROR" -> error(fields, line);
            default -> malformed("unknown type", line);
        };
    }

    private static IdentResult user(String[] fields, String line) {
        if (fields.length < 4) {
            return malformed("missing user-id", line);
        }
        // The charset after the comma is ignored: sockd compares the user-id octets as sent.
        String opsys = trim(fields[2].split(",", 2)[0]);
        String userId = trim(fields[3]);
        if (opsys.isEmpty()) {
            return malformed("empty opsys", line);
        }
        if (userId.isEmpty()) {
            return malformed("empty user-id", line);
        }
        return new IdentResult.User(opsys, userId);
    }

    private static IdentResult error(String[] fields, String line) {
        if (fields.length > 3) {
            return malformed("extra fields", line);
        }
        String token = trim(fields[2]);
        if (ERRORS.contains(token) || (token.startsWith("X") && token.length() > 1)) {
            return new IdentResult.NoUser(token);
        }
        return malformed("unknown error token", line);
    }

    private static IdentResult malformed(String what, String line) {
        return new IdentResult.Unreachable("malformed answer (" + what + "): " + line);
    }

    private static String trim(String text) {
        return OUTER_BLANKS.matcher(text).replaceAll("");
    }
}
