package org.sockd.route.internal;

/**
 * A route line that cannot be parsed. Thrown inside the line parser and turned into a
 * {@link RouteError} per line, so parsing goes on and every bad line is reported.
 */
final class RouteSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    RouteSyntaxException(String reason) {
        super(reason, null, false, false);
    }

    /** Quotes a field for a message; control characters are escaped so they cannot forge log lines. */
    static String quoted(String field) {
        StringBuilder out = new StringBuilder(field.length() + 2).append('"');
        for (char c : field.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
