package org.sockd.auth.internal;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.sockd.common.text.LogText;

/**
 * The failure counts an attempt must pass before its password is looked at at all: per client
 * address, and per user name, so that guesses at one name spread over many addresses are limited too.
 * Both come before the login cache: a refused attempt is answered without comparing anything, so that
 * the cache cannot be used to test guesses faster than full checks allow.
 */
final class LoginThrottle {

    private final FailureThrottle<InetAddress> addresses;
    private final Optional<FailureThrottle<String>> users;
    private final Logger log;

    /** @param users the per-user counts, or empty to count by address alone */
    LoginThrottle(FailureThrottle<InetAddress> addresses, Optional<FailureThrottle<String>> users, Logger log) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.users = Objects.requireNonNull(users, "users");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param user the name as shown in results and logs, or {@code null} for an empty name
     * @return why the attempt is refused without a check, or empty when it may be checked
     */
    Optional<String> refusal(InetAddress client, String user) {
        if (addresses.refuses(client)) {
            return Optional.of("too many failed attempts from " + client.getHostAddress());
        }
        if (user != null && users.filter(counts -> counts.refuses(user)).isPresent()) {
            return Optional.of("too many failed attempts for this user");
        }
        return Optional.empty();
    }

    void failed(InetAddress client, String user) {
        String shown = LogText.escape(String.valueOf(user));
        if (addresses.failed(client)) {
            log.warn("too many failed logins from {} (the last as user {}): refusing it for a while",
                    client.getHostAddress(), shown);
        }
        if (user != null && users.filter(counts -> counts.failed(user)).isPresent()) {
            log.warn("too many failed logins as user {} (the last from {}): refusing that name for a while",
                    shown, client.getHostAddress());
        }
    }

    void succeeded(InetAddress client, String user) {
        addresses.succeeded(client);
        if (user != null) {
            users.ifPresent(counts -> counts.succeeded(user));
        }
    }
}
