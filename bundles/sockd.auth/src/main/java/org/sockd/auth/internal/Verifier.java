package org.sockd.auth.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a password against the password file with the same work whatever the outcome: one key
 * derivation and one constant-time comparison, also for an unknown user and for a password that
 * is not UTF-8. A client can therefore not learn from the answer's timing whether a user exists.
 */
final class Verifier {

    /** The outcome; only {@link #ACCEPTED} lets the client in. */
    enum Outcome { ACCEPTED, UNKNOWN_USER, WRONG_PASSWORD }

    /** Compares two hashes; a seam so that tests can see every comparison made. */
    @FunctionalInterface
    interface HashComparison {
        boolean same(byte[] derived, byte[] stored);
    }

    private final Kdf kdf;
    private final HashComparison comparison;

    Verifier(Kdf kdf) {
        this(kdf, MessageDigest::isEqual);
    }

    Verifier(Kdf kdf, HashComparison comparison) {
        this.kdf = Objects.requireNonNull(kdf, "kdf");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
    }

    /**
     * @param users the password file in force
     * @param user the user name the client sent, or empty when its bytes are not UTF-8 (such a name
     *        cannot be in the file)
     * @param password the password bytes the client sent; left as they are, the caller clears them
     */
    Outcome verify(Users users, Optional<String> user, byte[] password) {
        Optional<PasswordEntry> known = user.flatMap(users::find);
        PasswordEntry entry = known.orElse(users.unknownUser());
        char[] chars = utf8(password);
        boolean wellFormed = chars != null;
        if (!wellFormed) {
            chars = new char[password.length]; // same work: derive from a password that cannot match
        }
        byte[] derived = kdf.derive(chars, entry.salt(), entry.iterations());
        try {
            boolean same = comparison.same(derived, entry.hash());
            if (known.isEmpty()) {
                return Outcome.UNKNOWN_USER;
            }
            return same && wellFormed ? Outcome.ACCEPTED : Outcome.WRONG_PASSWORD;
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Decodes strictly: the JDK's PBKDF2 encodes the characters back as UTF-8, so the key is
     * derived from exactly the bytes the client sent. @return the characters, or {@code null}
     */
    private static char[] utf8(byte[] password) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer buffer = CharBuffer.allocate(password.length); // UTF-8 never gives more chars than bytes
        boolean ok = !decoder.decode(ByteBuffer.wrap(password), buffer, true).isError()
                && !decoder.flush(buffer).isError();
        char[] chars = ok ? Arrays.copyOf(buffer.array(), buffer.position()) : null;
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }
}
