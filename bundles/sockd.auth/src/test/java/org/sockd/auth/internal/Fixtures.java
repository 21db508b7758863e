package org.sockd.auth.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Password entries and RFC 1929 requests for the tests, hashed cheaply. */
final class Fixtures {

    /** Cheap enough for hundreds of checks a test; the shipped default stays {@link Pbkdf2#DEFAULT_ITERATIONS}. */
    static final int ITERATIONS = 1_000;
    /** A password that must never show up in a log, a result or a message. */
    static final String CANARY = "CANARY-7f3a";

    private Fixtures() {
    }

    static PasswordEntry entry(String user, String password) {
        return PasswordEntry.create(user, password.toCharArray(), Pbkdf2.newSalt(new SecureRandom()), ITERATIONS,
                Pbkdf2.KDF);
    }

    /** A password file line. */
    static String line(String user, String password) {
        return entry(user, password).line();
    }

    static byte[] request(String user, String password) {
        return request(user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] request(byte[] user, byte[] password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(1);
        bytes.write(user.length);
        bytes.writeBytes(user);
        bytes.write(password.length);
        bytes.writeBytes(password);
        return bytes.toByteArray();
    }

    /** The real PBKDF2, counted. */
    static final class CountingKdf implements Kdf {
        private final AtomicInteger derivations = new AtomicInteger();

        @Override
        public byte[] derive(char[] password, byte[] salt, int iterations) {
            derivations.incrementAndGet();
            return Pbkdf2.derive(password, salt, iterations);
        }

        int derivations() {
            return derivations.get();
        }
    }
}
