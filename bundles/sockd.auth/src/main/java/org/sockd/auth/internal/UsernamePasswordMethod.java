package org.sockd.auth.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.sockd.api.auth.Authentication;
import org.sockd.auth.internal.Rfc1929Request.Credentials;

/**
 * The RFC 1929 exchange: read the request, refuse addresses and user names that failed too often,
 * accept a login the cache recalls, else check the password on the check pool (each check is a
 * deliberately slow key derivation), answer {@code 01 00} or {@code 01 01}. Results and log lines
 * carry the user name, never the password.
 */
final class UsernamePasswordMethod {

    private static final byte[] SUCCESS = {Rfc1929Request.VERSION, 0};
    private static final byte[] FAILURE = {Rfc1929Request.VERSION, 1};

    private final Supplier<Users> users;
    private final Verifier verifier;
    private final LoginThrottle throttle;
    private final LoginCache cache;
    private final CheckPool checks;
    private final boolean handOver;

    /** @param users the password file in force, asked once per attempt */
    UsernamePasswordMethod(Supplier<Users> users, Verifier verifier, LoginThrottle throttle, LoginCache cache,
            CheckPool checks) {
        this(users, verifier, throttle, cache, checks, false);
    }

    /**
     * @param handOver whether an accepted login carries its password out of this module, for an
     *        upstream that forwards the client's login (config {@code login.forward}); else it never leaves
     */
    UsernamePasswordMethod(Supplier<Users> users, Verifier verifier, LoginThrottle throttle, LoginCache cache,
            CheckPool checks, boolean handOver) {
        this.users = Objects.requireNonNull(users, "users");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.handOver = handOver;
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
        Optional<String> refusal = throttle.refusal(client, shown);
        if (refusal.isPresent()) {
            return new Authentication.Rejected(shown, refusal.get());
        }
        Users file = users.get();
        if (user.isPresent() && cache.recalls(file, user.get(), credentials.user(), credentials.password())) {
            throttle.succeeded(client, shown);
            return accepted(user.get(), credentials);
        }
        Optional<Verifier.Outcome> outcome = checks.run(() -> verifier.verify(file, user, credentials.password()));
        if (outcome.isEmpty()) {
            return new Authentication.Rejected(shown, "too many password checks in progress (waited "
                    + checks.waitLimit().toMillis() + " ms)");
        }
        if (outcome.get() == Verifier.Outcome.ACCEPTED) {
            cache.remember(file, user.orElseThrow(), credentials.user(), credentials.password());
            throttle.succeeded(client, shown);
            return accepted(user.orElseThrow(), credentials);
        }
        throttle.failed(client, shown);
        return new Authentication.Rejected(shown,
                outcome.get() == Verifier.Outcome.UNKNOWN_USER ? "unknown user" : "wrong password");
    }

    /** A password that is not UTF-8 cannot be sent on as the client sent it, so it is not handed over. */
    private Authentication.Accepted accepted(String user, Credentials credentials) {
        return new Authentication.Accepted(user, handOver ? utf8(credentials.password()).orElse(null) : null);
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
