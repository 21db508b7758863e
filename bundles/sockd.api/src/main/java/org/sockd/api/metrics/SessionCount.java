package org.sockd.api.metrics;

import java.util.Objects;

/**
 * How many sessions ended one way.
 *
 * @param version {@code 4}, {@code 4a}, {@code 5}, or {@code unknown} when the client broke the
 *        protocol before its version was known
 * @param command {@code connect}, {@code bind}, {@code udp}, or {@code unknown} before a request was read
 * @param result {@code granted} (relayed, then ended), {@code refused} (by a rule, a limit, a
 *        failed authentication or ident check), {@code failed} (permitted but not carried out, e.g.
 *        the target refused the connection) or {@code protocol_error}
 * @param count how many
 */
public record SessionCount(String version, String command, String result, long count) {

    public SessionCount {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(result, "result");
    }
}
