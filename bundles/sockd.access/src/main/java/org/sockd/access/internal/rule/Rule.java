package org.sockd.access.internal.rule;

import java.util.Objects;
import java.util.Optional;
import org.sockd.api.access.IdentMode;

/**
 * One rule line of sockd.conf.
 *
 * @param line the 1-based line number in its file
 * @param text the line as written, trimmed, for logs and administration
 * @param action permit or deny
 * @param ident the {@code ?=} override of the daemon-wide ident mode, if the line has one
 * @param users the {@code *=} field
 * @param source the client address pattern
 * @param destination the destination address pattern
 * @param port the port test
 * @param command the shell command after the first {@code :}, or the empty string
 */
public record Rule(
        int line,
        String text,
        Action action,
        Optional<IdentMode> ident,
        UserList users,
        AddressMask source,
        AddressMask destination,
        PortTest port,
        String command) {

    public Rule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ident, "ident");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(command, "command");
    }
}
