package org.sockd.upstream.internal;

import static org.sockd.common.text.SyntaxException.quoted;

import java.util.List;
import org.sockd.api.upstream.Upstream;
import org.sockd.common.rules.LineFields;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortParser;
import org.sockd.common.rules.PortTest;
import org.sockd.common.rules.UserFiles;
import org.sockd.common.rules.UserList;
import org.sockd.common.rules.UserListParser;
import org.sockd.common.text.SyntaxException;

/**
 * Parses a classic line: {@code deny|direct|sockd [@=servers] [*=users] dst_addr dst_mask [op port]
 * [: shell_cmd]}. The first {@code :} ends the fields and the first {@code #} starts a comment,
 * whichever comes first decides.
 */
final class ClassicLineParser {

    private final UpstreamRegistry registry;
    private final UserFiles userFiles;
    private final ParseSettings settings;

    ClassicLineParser(UpstreamRegistry registry, UserFiles userFiles, ParseSettings settings) {
        this.registry = registry;
        this.userFiles = userFiles;
        this.settings = settings;
    }

    ClassicLine parse(NumberedLine line) throws SyntaxException {
        String text = line.text();
        // the colons of an IPv6 address (an extension the classic lexer never had to meet) are part of their field
        int colon = LineFields.commandColon(text, HostText::isIpv6Literal);
        boolean hasCommand = colon >= 0;
        List<String> fields = hasCommand ? LineFields.split(text.substring(0, colon)) : LineFields.beforeComment(text);
        if (fields.size() < 3 || fields.size() > 7) {
            throw new SyntaxException("Invalid entry (a line has 3 to 7 fields, found " + fields.size() + ")");
        }
        String command = hasCommand ? ShellCommand.check(text.substring(colon + 1).strip()) : null;
        return fields(line.number(), fields, command);
    }

    private ClassicLine fields(int number, List<String> fields, String command) throws SyntaxException {
        int next = 0;
        String first = fields.get(next++);
        // sockd@a,b is the undocumented one-token alias of sockd @=a,b that 4.2 and 4.3 accepted
        String servers = first.startsWith("sockd@") ? first.substring("sockd@".length()) : null;
        ClassicLine.Action action = servers != null ? ClassicLine.Action.SOCKD : action(first);
        if (fields.get(next).startsWith("@=")) {
            if (action != ClassicLine.Action.SOCKD || servers != null) {
                throw new SyntaxException("Invalid entry: " + quoted(fields.get(next)) + " follows sockd only, once");
            }
            servers = fields.get(next++).substring(2);
        }
        String usersField = "";
        UserList users = UserList.ANYONE;
        if (fields.get(next).startsWith("*=")) {
            String field = fields.get(next++);
            users = UserListParser.parse(field, userFiles);
            usersField = users instanceof UserList.Anyone ? "" : field; // a bare *= reads back as no field
            users.files().forEach(registry::addFile);
        }
        int left = fields.size() - next;
        if (left != 2 && left != 4) {
            throw shape(fields.subList(next, fields.size()));
        }
        HostPattern destination = ClassicPatterns.destination(fields.get(next), fields.get(next + 1));
        PortTest port = left == 4 ? port(fields.get(next + 2), fields.get(next + 3)) : PortTest.ANY;
        List<String> written = servers == null || servers.isEmpty() ? List.of() : List.of(servers.split(",", -1));
        List<Upstream> upstreams = action != ClassicLine.Action.SOCKD ? List.of()
                : written.isEmpty() ? defaultServers(number) : registry.servers(servers, number);
        return new ClassicLine(number, action, written, upstreams, usersField, users, destination, port, command);
    }

    private static ClassicLine.Action action(String field) throws SyntaxException {
        for (ClassicLine.Action action : ClassicLine.Action.values()) {
            if (action.name().equalsIgnoreCase(field)) {
                return action;
            }
        }
        throw new SyntaxException("Invalid sockd/direct/deny field " + quoted(field));
    }

    /** An empty list or none: the default server, as 4.2 did (4.3 failed with a wrong "Out of memory"). */
    private List<Upstream> defaultServers(int number) throws SyntaxException {
        if (settings.defaultServers() == null) {
            throw new SyntaxException("no default server for a sockd line without servers"
                    + " (set the default.server property or SOCKS_SERVER, or write sockd @=server)");
        }
        try {
            return registry.servers(settings.defaultServers(), number);
        } catch (SyntaxException e) {
            throw new SyntaxException("default server from " + settings.defaultServersOrigin() + ": " + e.getMessage());
        }
    }

    static SyntaxException shape(List<String> rest) {
        if (rest.isEmpty()) {
            return new SyntaxException("Invalid entry: no destination address and mask");
        }
        String first = rest.get(0);
        if (first.startsWith("@=") || first.startsWith("*=")) {
            return new SyntaxException("Invalid entry: " + quoted(first)
                    + " is out of place (order: action, @=, *=, destination address and mask, operator and port)");
        }
        if (rest.size() == 3 && Op.classic(rest.get(2)).isPresent()) {
            return new SyntaxException("Invalid port number: none after " + quoted(rest.get(2)));
        }
        return new SyntaxException("Invalid entry: expected a destination address and mask, then maybe an operator"
                + " and a port, found " + quoted(String.join(" ", rest)));
    }

    private PortTest port(String op, String port) throws SyntaxException {
        return new PortParser(settings.services()).classic(op, port);
    }
}
