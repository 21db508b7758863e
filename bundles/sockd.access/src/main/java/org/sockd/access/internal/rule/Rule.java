package org.sockd.access.internal.rule;

import java.util.Objects;
import java.util.Optional;
import org.sockd.api.access.IdentMode;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserList;

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
 * @param command the shell command after the first {@code :}, if the line has a non-blank one
 */
public record Rule(
        int line,
        String text,
        Action action,
        Optional<IdentMode> ident,
        UserList users,
        AddressPattern source,
        AddressPattern destination,
        PortTest port,
        Optional<String> command) {

    public Rule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(ident, "ident");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(port, "port");
        if (port instanceof PortTest.Range) {
            // the port test is shared with socks.conf's Dante routes; sockd.conf has no range
            throw new IllegalArgumentException("a sockd.conf rule has no port range");
        }
        Objects.requireNonNull(command, "command");
    }

    /** The four tests of a rule; the port test first, as it is the cheapest. */
    boolean matches(Facts facts) {
        return port.passes(facts.port)
                && source.matches(facts.client, facts.client6, facts.clientNames)
                && destination.matches(facts.destination, facts.destination6, facts.destinationNames)
                && users.admits(facts.user);
    }

    /** @return whether the rule needs the client's host names to be decided */
    boolean usesSourceNames() {
        return source instanceof NamePattern && !(source instanceof NamePattern.All);
    }
}
