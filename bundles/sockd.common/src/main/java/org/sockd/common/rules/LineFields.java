package org.sockd.common.rules;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lexical rule of the classic rule files (sockd.conf, socks.conf): runs of white space separate
 * fields, the first {@code :} ends the fields and starts a shell command, the first {@code #}
 * starts a comment, and whichever comes first decides: a {@code :} inside a comment is harmless, a
 * {@code #} inside a command is part of the command. There is no quoting and no escaping.
 */
public final class LineFields {

    private LineFields() {
    }

    /**
     * @param colonInField whether a field holding a {@code :} keeps it (an IPv6 literal, in the files
     *        whose grammar has them) instead of the colon ending the fields
     * @return where the command's {@code :} stands, or -1 for a line without a command
     */
    public static int commandColon(String line, Predicate<String> colonInField) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') {
                return -1;
            }
            if (c == ':') {
                int start = i;
                while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
                    start--;
                }
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                    end++;
                }
                if (!colonInField.test(line.substring(start, end))) {
                    return i;
                }
                i = end;
            }
        }
        return -1;
    }

    /** @return the fields of a line without its command, up to its comment if it has one */
    public static List<String> beforeComment(String line) {
        int hash = line.indexOf('#');
        return split(hash >= 0 ? line.substring(0, hash) : line);
    }

    /** @return the fields of a text: runs of isspace() in the C locale separate them, as the classic mkargs() did */
    public static List<String> split(String text) {
        return Arrays.stream(text.split("[ \t\f\\x0B]+")).filter(field -> !field.isEmpty()).toList();
    }
}
