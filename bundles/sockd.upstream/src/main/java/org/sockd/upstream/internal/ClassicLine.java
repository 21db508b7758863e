package org.sockd.upstream.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.Upstream;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserList;

/**
 * A classic socks.conf line: {@code deny}, {@code direct} or {@code sockd [@=servers]}, then
 * {@code [*=users] dst_addr dst_mask [op port] [: shell_cmd]}.
 *
 * @param line the 1-based line number
 * @param action what the line does when it matches
 * @param serverList the {@code @=} list as written, empty when the line uses the default server
 * @param servers the upstreams to try, in order: the written list or the default server; empty unless {@code sockd}
 * @param usersField the {@code *=} field as written, empty when the line has none
 * @param users who the {@code *=} field admits
 * @param destination the destination pattern
 * @param port the destination port test
 * @param command the shell command after the first {@code :}, or {@code null}
 */
record ClassicLine(int line, Action action, List<String> serverList, List<Upstream> servers, String usersField, UserList users,
        HostPattern destination, PortTest port, String command) implements Entry {

    enum Action {
        DENY, DIRECT, SOCKD
    }

    ClassicLine {
        Objects.requireNonNull(action, "action");
        serverList = List.copyOf(serverList);
        servers = List.copyOf(servers);
        Objects.requireNonNull(usersField, "usersField");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(port, "port");
        if ((action == Action.SOCKD) == servers.isEmpty()) {
            throw new IllegalArgumentException("exactly a sockd line has servers");
        }
    }

    /** The port test first: it is the cheapest. */
    @Override
    public boolean matches(RequestFacts facts) {
        return port.passes(facts.port()) && destination.matches(facts.addresses(), facts.name())
                && users.admits(facts.user());
    }

    /** Every field spelled out; the {@code sockd@a,b} alias is written as {@code sockd @=a,b}. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder(action.name().toLowerCase(Locale.ROOT));
        if (!serverList.isEmpty()) {
            text.append(" @=").append(String.join(",", serverList));
        }
        if (!usersField.isEmpty()) {
            text.append(' ').append(usersField);
        }
        text.append(' ').append(destination.classicText());
        if (!port.classicText().isEmpty()) {
            text.append(' ').append(port.classicText());
        }
        return command == null ? text.toString() : text.append(" : ").append(command).toString();
    }

    @Override
    public MatchedRule rule(String source) {
        return new MatchedRule(source, line, text(), command);
    }
}
