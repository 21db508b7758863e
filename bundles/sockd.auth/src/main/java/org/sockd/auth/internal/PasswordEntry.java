package org.sockd.auth.internal;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One user of the password file: {@code user:pbkdf2-sha256:ITERATIONS:SALT_BASE64:HASH_BASE64}.
 *
 * @param user the user name, checked by {@link UserNames}
 * @param iterations the PBKDF2 cost the hash was made with
 * @param salt the salt
 * @param hash the derived hash, {@link Pbkdf2#HASH_BYTES} long
 */
record PasswordEntry(String user, int iterations, byte[] salt, byte[] hash) {

    PasswordEntry {
        Objects.requireNonNull(user, "user");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} for {@code user}. */
    static PasswordEntry create(String user, char[] password, byte[] salt, int iterations, Kdf kdf) {
        return new PasswordEntry(user, iterations, salt, kdf.derive(password, salt, iterations));
    }

    /** The line for the password file, without the line end. */
    String line() {
        Base64.Encoder base64 = Base64.getEncoder();
        return String.join(":", user, Pbkdf2.SCHEME, Integer.toString(iterations),
                base64.encodeToString(salt), base64.encodeToString(hash));
    }

    /** @return whether {@code other} is the same line for the same user: same cost, salt and hash */
    boolean sameSecret(PasswordEntry other) {
        return user.equals(other.user) && iterations == other.iterations
                && Arrays.equals(salt, other.salt) && Arrays.equals(hash, other.hash);
    }

    // Arrays are handed out as they are: every caller is in this package and only reads them.

    /** Never shows the hash: it would allow an offline guessing attack. */
    @Override
    public String toString() {
        return "PasswordEntry[user=" + user + ", " + Pbkdf2.SCHEME + ", iterations=" + iterations + "]";
    }
}
