package org.sockd.auth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.sockd.api.auth.Authentication;
import org.sockd.auth.internal.Rfc1929Request.Credentials;
import org.sockd.common.text.LogText;

/**
 * The RFC 1929 exchange: read the request, refuse addresses that failed too often, check the
 * password with a bounded number of checks at a time (each is a deliberately slow key derivation),
 * answer {@code 01 00} or {@code 01 01}. Results and log lines carry the user name, never the password.
 */
final class UsernamePasswordMethod {

    private static final byte[] SUCCESS = {Rfc1929Request.VERSION, 0};
    private static final byte[] FAILURE = {Rfc1929Request.VERSION, 1};

    private final Supplier<Users> users;
    private final Verifier verifier;
    private final FailureThrottle throttle;
    private final Semaphore checks;
    private final Duration checkWait;
    private final Logger log;

    /**
     * @param users the password file in force, asked once per attempt
     * @param checks permits for concurrent password checks; an attempt that cannot get one within
     *        {@code checkWait} fails
     */
    UsernamePasswordMethod(Supplier<Users> users, Verifier verifier, FailureThrottle throttle,
            Semaphore checks, Duration checkWait, Logger log) {
        this.users = Objects.requireNonNull(users, "users");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.checkWait = Objects.requireNonNull(checkWait, "checkWait");
        this.log = Objects.requireNonNull(log, "log");
    }

    Authentication authenticate(InputStream in, OutputStream out, InetAddress client) throws IOException {
        return switch (Rfc1929Request.read(in)) {
            // Nobody is left to answer.
            case Rfc1929Request.Truncated truncated ->
                    new Authentication.Rejected(null, "username/password request truncated");
            case Rfc1929Request.UnknownVersion unknown -> {
                send(out, FAILURE);
                yield new Authentication.Rejected(null, "username/password version " + unknown.version() + " is not 1");
            }
            case Credentials credentials -> {
                try (credentials) {
                    Authentication result = check(credentials, client);
                    send(out, result instanceof Authentication.Accepted ? SUCCESS : FAILURE);
                    yield result;
                }
            }
        };
    }

    private Authentication check(Credentials credentials, InetAddress client) {
        Optional<String> user = utf8(credentials.user());
        // Bytes that are not UTF-8 go to the log one character a byte, which LogText shows as \xHH.
        String shown = credentials.user().length == 0 ? null
                : user.orElseGet(() -> new String(credentials.user(), StandardCharsets.ISO_8859_1));
        if (throttle.refuses(client)) {
            return new Authentication.Rejected(shown, "too many failed attempts from " + client.getHostAddress());
        }
        if (!acquireCheck()) {
            return new Authentication.Rejected(shown, "too many password checks in progress (waited "
                    + checkWait.toMillis() + " ms)");
        }
        Verifier.Outcome outcome;
        try {
            outcome = verifier.verify(users.get(), user, credentials.password());
        } finally {
            checks.release();
        }
        if (outcome == Verifier.Outcome.ACCEPTED) {
            throttle.succeeded(client);
            return new Authentication.Accepted(user.orElseThrow());
        }
        if (throttle.failed(client)) {
            log.warn("too many failed logins from {} (the last as user {}): refusing it for a while",
                    client.getHostAddress(), LogText.escape(String.valueOf(shown)));
        }
        return new Authentication.Rejected(shown,
                outcome == Verifier.Outcome.UNKNOWN_USER ? "unknown user" : "wrong password");
    }

    private boolean acquireCheck() {
        try {
            return checks.tryAcquire(checkWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the session is being closed
            return false;
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void send(OutputStream out, byte[] status) throws IOException {
        out.write(status);
        out.flush();
    }
}
