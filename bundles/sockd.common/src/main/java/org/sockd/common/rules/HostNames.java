package org.sockd.common.rules;

import java.util.regex.Pattern;

/**
 * Host and zone name patterns of the rule files: {@code host.example.com} names one host,
 * {@code .example.com} a zone (the zone itself and every name in it), both in any case.
 */
public final class HostNames {

    private static final String LABELS = "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*";
    /** A host or, with its leading dot, a zone, as sockd.conf and sockd.route write them. */
    private static final Pattern PATTERN = Pattern.compile("\\.?" + LABELS);
    /** A host name as a client or socks.conf may write it, absolute with a final dot or not. */
    private static final Pattern NAME = Pattern.compile(LABELS + "\\.?");

    private HostNames() {
    }

    /** @return whether the field is a host ({@code host.example.com}) or zone ({@code .example.com}) pattern */
    public static boolean isPattern(String field) {
        return PATTERN.matcher(field).matches();
    }

    /** @return whether the field can be a host name: labels, maybe a final dot, and not read as a number */
    public static boolean isName(String field) {
        return NAME.matcher(field).matches() && !AddressLiterals.numberLike(field);
    }

    /** @return the suffix of a zone pattern, checked: a dot and a name */
    public static String zone(String suffix) {
        if (!suffix.startsWith(".") || suffix.length() < 2) {
            throw new IllegalArgumentException("a zone is a dot and a name: " + suffix);
        }
        return suffix;
    }

    /**
     * @param suffix a zone pattern with its leading dot
     * @return whether the name is the zone itself or ends in the suffix, in any case;
     *         {@code badexample.com} is not in {@code .example.com}
     */
    public static boolean inZone(String suffix, String name) {
        // regionMatches compares in place: nothing is allocated per name
        int apex = suffix.length() - 1;
        return name.length() == apex
                ? name.regionMatches(true, 0, suffix, 1, apex)
                : name.length() > apex
                        && name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
