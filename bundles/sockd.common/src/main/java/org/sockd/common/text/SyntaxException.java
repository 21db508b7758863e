package org.sockd.common.text;

/**
 * A line of a configuration file that cannot be parsed. Thrown inside a line parser and turned into
 * one error naming the file and the line, so parsing goes on and every bad line is reported.
 */
public final class SyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the line, in the classic wording where one exists */
    public SyntaxException(String reason) {
        super(reason, null, false, false); // no stack trace: the reason is all a user needs
    }

    /** Quotes a field for a message; control characters are escaped so they cannot forge log lines. */
    public static String quoted(String field) {
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
