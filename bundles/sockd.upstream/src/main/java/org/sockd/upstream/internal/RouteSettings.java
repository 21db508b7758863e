package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockd.common.text.SyntaxException;

/** The {@code route.maxfail:} and {@code route.badexpire:} lines of one file, which override the properties. */
final class RouteSettings {

    private static final Pattern SETTING = Pattern.compile("\\s*(route\\.[A-Za-z]+)\\s*:\\s*(\\S*)\\s*(#.*)?");
    /** Up to a day of seconds or nine digits of failures: bigger numbers are typing errors. */
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private Integer maxfail;
    private Long badexpire;

    /** @return the line in canonical form */
    String parse(String line) throws SyntaxException {
        Matcher matcher = SETTING.matcher(line);
        if (!matcher.matches()) {
            throw new SyntaxException("Invalid route setting (expected route.maxfail: N or route.badexpire: SECONDS)");
        }
        String name = matcher.group(1);
        String value = matcher.group(2);
        if (!name.equals("route.maxfail") && !name.equals("route.badexpire")) {
            throw new SyntaxException("Unknown setting " + quoted(name) + " (route.maxfail or route.badexpire)");
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new SyntaxException("Invalid " + name + " value " + quoted(value) + " (a whole number, 0 or more)");
        }
        if (name.equals("route.maxfail")) {
            if (maxfail != null) {
                throw new SyntaxException("route.maxfail set twice");
            }
            maxfail = Integer.valueOf(value);
        } else {
            if (badexpire != null) {
                throw new SyntaxException("route.badexpire set twice");
            }
            badexpire = Long.valueOf(value);
        }
        return name + ": " + value;
    }

    boolean setsBadexpire() {
        return badexpire != null;
    }

    /** @param properties the marking the configuration gives, for what the file does not set */
    Marking marking(Marking properties) {
        return new Marking(maxfail != null ? maxfail : properties.maxfail(),
                badexpire != null ? Duration.ofSeconds(badexpire) : properties.badexpire());
    }
}
