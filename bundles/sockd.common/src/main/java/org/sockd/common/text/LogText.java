package org.sockd.common.text;

/**
 * Makes client-supplied text safe to put in a log line: one line, printable, bounded, so that a
 * client can neither forge a log line nor make one endless. Client bytes arrive as ISO-8859-1
 * characters, so {@code \xHH} shows the very byte the client sent.
 */
public final class LogText {

    /** Characters of input shown before the rest is cut and counted. */
    public static final int MAX_LENGTH = 256;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /**
     * Escapes everything outside printable ASCII as {@code \xHH} (so no CR, LF or terminal control
     * sequence reaches the log), doubles backslashes, and cuts the result at {@link #MAX_LENGTH}
     * characters of input with a note of how much was cut.
     */
    public static String escape(String raw) {
        int shown = Math.min(raw.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(shown + 8);
        for (int i = 0; i < shown; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c <= 0xff) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        if (raw.length() > shown) {
            out.append("...(+").append(raw.length() - shown).append(')');
        }
        return out.toString();
    }
}
