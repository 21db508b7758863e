package org.sockd.auth.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a bounded time, the logins that passed a full check, so that a client opening many
 * connections pays the deliberately slow key derivation once (Squid's {@code credentialsttl}, Apache's
 * {@code mod_authn_socache}). It keeps, per user, an HMAC-SHA-256 of name and password under a random key
 * that lives in this object only, never the password, and writes nothing anywhere. A later login matches
 * only with the same name and password (compared in constant time), only while the user's line in the
 * password file is unchanged, and only until the entry expires; anything else is a miss and costs a full
 * check.
 */
final class LoginCache {

    private static final String HMAC = "HmacSHA256";

    /** What a successful login left: the file's line it was checked against, and the keyed digest. */
    private record Remembered(PasswordEntry entry, byte[] digest, long since) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> byUser;
    /** The password file the entries were last pruned against. */
    private Users pruned;

    /**
     * @param ttl how long a login is remembered; zero turns the cache off
     * @param capacity the most users remembered at once; the one remembered longest ago goes first
     * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime} outside tests
     */
    LoginCache(Duration ttl, int capacity, LongSupplier nanoClock) {
        if (ttl.isNegative() || capacity < 1) {
            throw new IllegalArgumentException("the time to live cannot be negative and the capacity must be positive");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        Arrays.fill(secret, (byte) 0);
        // Insertion order, and a user remembered again is put back at the young end: the eldest goes first.
        this.byUser = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param users the password file in force, the one the login is checked against
     * @param user the user name
     * @param userBytes the name as the client sent it
     * @param password the password as the client sent it; left as it is
     * @return whether this user logged in with this very password lately, and its line is unchanged
     */
    boolean recalls(Users users, String user, byte[] userBytes, byte[] password) {
        if (ttlNanos == 0) {
            return false;
        }
        Remembered remembered = valid(users, user);
        return remembered != null && MessageDigest.isEqual(digest(userBytes, password), remembered.digest());
    }

    /** Remembers a login that has just passed a full check against {@code users}. */
    void remember(Users users, String user, byte[] userBytes, byte[] password) {
        if (ttlNanos == 0) {
            return;
        }
        PasswordEntry entry = users.find(user).orElseThrow();
        Remembered remembered = new Remembered(entry, digest(userBytes, password), nanoClock.getAsLong());
        synchronized (this) {
            byUser.remove(user);
            byUser.put(user, remembered);
        }
    }

    /** @return how many users are remembered */
    synchronized int size() {
        return byUser.size();
    }

    /** The user's entry if it is still good, after dropping it or, on a reloaded file, every stale one. */
    private synchronized Remembered valid(Users users, String user) {
        if (users != pruned) {
            byUser.entrySet().removeIf(remembered -> !current(users, remembered.getKey(), remembered.getValue()));
            pruned = users;
        }
        Remembered remembered = byUser.get(user);
        if (remembered != null && !current(users, user, remembered)) {
            byUser.remove(user);
            return null;
        }
        return remembered;
    }

    /** Unexpired, and the user's line in {@code users} is the one the login was checked against. */
    private boolean current(Users users, String user, Remembered remembered) {
        return nanoClock.getAsLong() - remembered.since() < ttlNanos
                && users.find(user).filter(entry -> entry.sameSecret(remembered.entry())).isPresent();
    }

    /**
     * Length-prefixed, so that no two different name and password pairs are hashed as the same bytes;
     * package-private for the test of that.
     */
    byte[] digest(byte[] userBytes, byte[] password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(userBytes.length).flip());
            mac.update(userBytes);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(password.length).flip());
            mac.update(password);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide it, so this is a broken JDK; the message holds no secret.
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }
}
