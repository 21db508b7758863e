package org.sockd.auth.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Which user names the password file can hold and a SOCKS 5 client can send. */
final class UserNames {

    /** RFC 1929 ULEN is one byte. */
    static final int MAX_BYTES = 255;

    private UserNames() {
    }

    /** @return what is wrong with {@code user}, or empty when it can be in the password file */
    static Optional<String> problem(String user) {
        if (user.isEmpty()) {
            return Optional.of("a user name cannot be empty");
        }
        if (user.indexOf(':') >= 0) {
            return Optional.of("a user name cannot contain ':'");
        }
        if (user.chars().anyMatch(UserNames::isControl)) {
            return Optional.of("a user name cannot contain control characters");
        }
        if (!user.strip().equals(user)) {
            return Optional.of("a user name cannot start or end with white space");
        }
        if (user.startsWith("#")) {
            return Optional.of("a user name cannot start with '#' (the line would be a comment)");
        }
        if (user.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("a user name is at most " + MAX_BYTES + " bytes in UTF-8 (RFC 1929)");
        }
        return Optional.empty();
    }

    /** C0, DEL, C1, and the Unicode format characters (bidi overrides) that disguise log lines. */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }
}
