package org.sockd.auth.internal;

/**
 * Derives a password hash. The seam lets tests count derivations, to show that every attempt costs
 * one, whether the user exists or not.
 */
@FunctionalInterface
interface Kdf {

    /**
     * @param password the password; the caller clears it
     * @param salt the salt stored with the user
     * @param iterations the cost stored with the user
     * @return the derived hash, {@link Pbkdf2#HASH_BYTES} long; the caller clears it
     */
    byte[] derive(char[] password, byte[] salt, int iterations);
}
