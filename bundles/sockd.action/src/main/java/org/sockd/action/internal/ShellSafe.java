package org.sockd.action.internal;

/**
 * Cleans a value before it goes into a command line for {@code /bin/sh -c}. Only the classic safe
 * characters survive; unlike the classic set the backslash does not, so no value can end a word,
 * quote, substitute or chain a command.
 */
final class ShellSafe {

    /** Longer values are cut (man/sockd.conf.5, Shell commands). */
    static final int MAX_LENGTH = 255;

    private static final String PUNCTUATION = "!@%-_=+:,./";
    /** Without {@code /}, a value can name no path: {@code > /var/log/sockd/%u} stays in that directory. */
    private static final String CLIENT_PUNCTUATION = "!@%-_=+:,.";

    private ShellSafe() {
    }

    /**
     * Cleans a value the daemon produces itself (an address, a port, its pid): every code point
     * outside ASCII letters, digits and {@code ! @ % - _ = + : , . /} becomes one {@code _}; a
     * leading {@code -} gets a {@code _} in front so the value is never an option of the command it
     * is passed to; the result is at most {@link #MAX_LENGTH} characters.
     */
    static String clean(String value) {
        return clean(value, PUNCTUATION);
    }

    /** Cleans a value a client chose (user-id, ident answer, host name) as {@link #clean}, and {@code /} too. */
    static String cleanFromClient(String value) {
        return clean(value, CLIENT_PUNCTUATION);
    }

    private static String clean(String value, String punctuation) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 1);
        if (value.startsWith("-")) {
            out.append('_');
        }
        value.codePoints().forEach(c -> out.append(isSafe(c, punctuation) ? (char) c : '_'));
        out.setLength(Math.min(out.length(), MAX_LENGTH));
        return out.toString();
    }

    private static boolean isSafe(int c, String punctuation) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || punctuation.indexOf(c) >= 0;
    }
}
