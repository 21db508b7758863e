package org.sockd.auth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The client's RFC 1929 username/password request: {@code VER=1 ULEN UNAME PLEN PASSWD}. Read with
 * exactly as many reads as the lengths ask for, so a request split over any number of packets
 * decodes the same, and nothing after PASSWD is consumed. At most 1 + 1 + 255 + 1 + 255 = 513 bytes.
 */
sealed interface Rfc1929Request {

    /** The sub-negotiation version RFC 1929 defines. */
    int VERSION = 1;

    /** @param version the version byte the client sent instead of 1; nothing after it was read */
    record UnknownVersion(int version) implements Rfc1929Request {
    }

    /** The client closed the connection before the request was complete. */
    record Truncated() implements Rfc1929Request {
    }

    /**
     * What the client sent. Holds the password: {@link #close()} clears it, and it never shows it.
     * Lengths of 0 are read as sent (RFC 1929 allows 1 to 255, clients send 0 anyway).
     */
    final class Credentials implements Rfc1929Request, AutoCloseable {
        private final byte[] user;
        private final byte[] password;

        Credentials(byte[] user, byte[] password) {
            this.user = user;
            this.password = password;
        }

        byte[] user() {
            return user;
        }

        byte[] password() {
            return password;
        }

        @Override
        public void close() {
            Arrays.fill(password, (byte) 0);
        }

        @Override
        public String toString() {
            return "Credentials[user of " + user.length + " bytes, password redacted]";
        }
    }

    /** Reads one request from {@code in}; blocks until it is complete or the stream ends. */
    static Rfc1929Request read(InputStream in) throws IOException {
        int version = in.read();
        if (version < 0) {
            return new Truncated();
        }
        if (version != VERSION) {
            return new UnknownVersion(version);
        }
        byte[] user = field(in);
        if (user == null) {
            return new Truncated();
        }
        byte[] password = field(in);
        return password == null ? new Truncated() : new Credentials(user, password);
    }

    /** A length byte and that many bytes; {@code null} at a premature end, with the part read cleared. */
    private static byte[] field(InputStream in) throws IOException {
        int length = in.read();
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        // Into our own array: readNBytes(int) may leave a copy behind that close() cannot clear.
        if (in.readNBytes(value, 0, length) < length) {
            Arrays.fill(value, (byte) 0);
            return null;
        }
        return value;
    }
}
