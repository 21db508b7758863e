package org.sockd.access.internal.parse;

/** Finds the {@code *=} field in the text of a rule that has already been parsed. */
final class UserField {

    private UserField() {
    }

    /**
     * @return the field as written ({@code *=alice,/etc/socks.users}), or the empty string when
     *         the rule has none
     */
    static String of(String ruleText) {
        int end = ruleText.length();
        int colon = ruleText.indexOf(':');
        int hash = ruleText.indexOf('#');
        // the first of ':' and '#' ends the fields (spec §2)
        if (colon >= 0) {
            end = colon;
        }
        if (hash >= 0 && hash < end) {
            end = hash;
        }
        for (String token : ruleText.substring(0, end).split("[ \t\f\u000b]+")) {
            if (token.startsWith("*=")) {
                return token;
            }
        }
        return "";
    }
}
