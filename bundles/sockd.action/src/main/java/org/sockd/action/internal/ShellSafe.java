package org.sockd.action.internal;

/**
 * Cleans a value that a client controls (user-id, ident answer, host name) before it goes into a
 * command line for {@code /bin/sh -c}. Only the classic safe characters survive; unlike the classic
 * set the backslash does not, so no value can end a word, quote, substitute or chain a command.
 */
final class ShellSafe {

    /** Longer values are cut: hardening.md CMD-3. */
    static final int MAX_LENGTH = 255;

    private static final String PUNCTUATION = "!@%-_=+:,./";

    private ShellSafe() {
    }

    /**
     * Every code point outside ASCII letters, digits and {@code ! @ % - _ = + : , . /} becomes one
     * {@code _}; a leading {@code -} gets a {@code _} in front so the value is never an option of
     * the command it is passed to; the result is at most {@link #MAX_LENGTH} characters.
     */
    static String clean(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 1);
        if (value.startsWith("-")) {
            out.append('_');
        }
        value.codePoints().forEach(c -> out.append(isSafe(c) ? (char) c : '_'));
        out.setLength(Math.min(out.length(), MAX_LENGTH));
        return out.toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || PUNCTUATION.indexOf(c) >= 0;
    }
}
