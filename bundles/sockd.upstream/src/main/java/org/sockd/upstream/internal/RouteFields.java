package org.sockd.upstream.internal;

import java.util.List;
import java.util.Set;
import org.sockd.api.Command;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.common.rules.PortTest;
import org.sockd.common.text.SyntaxException;

/** The fields of one route block as they are read; {@code null} where the block does not give one. */
final class RouteFields {

    private static final List<String> DANTE_DEFAULT_PROTOCOLS = List.of("socks_v4", "socks_v5");

    HostPattern from;
    PortTest fromPort = PortTest.ANY;
    HostPattern to;
    PortTest toPort = PortTest.ANY;
    String via;
    int viaPort;
    List<String> protocols;
    List<String> methods;
    List<String> commands;

    /** Checks the combinations Dante refuses too, then makes the route. */
    DanteRoute route(int line, DanteRouteParser parser) throws SyntaxException {
        Set<Command> carried = commands == null ? DanteWords.ALL_COMMANDS : DanteRouteParser.commands(commands);
        if (via.equals("direct")) {
            if (protocols != null || methods != null) {
                throw new SyntaxException("Invalid route: via: direct takes no proxyprotocol: and no method:");
            }
            return new DanteRoute(line, from, fromPort, to, toPort, new DanteRoute.Direct(), carried);
        }
        List<String> spoken = protocols == null ? DANTE_DEFAULT_PROTOCOLS : protocols;
        boolean http = spoken.contains("http");
        if (http && spoken.size() > 1) {
            throw new SyntaxException("Invalid route: proxyprotocol: socks_v4 and socks_v5 cannot be mixed with http");
        }
        if (http && carried.contains(Command.BIND) && commands != null) {
            throw new SyntaxException("Invalid route: command: bind is not possible through an http upstream");
        }
        UpstreamAuth auth = auth(spoken, parser.forwardAllowed());
        return new DanteRoute(line, from, fromPort, to, toPort,
                new DanteRoute.Proxy(parser.upstreams(via, viaPort, spoken, auth)), carried);
    }

    private UpstreamAuth auth(List<String> spoken, boolean forwardAllowed) throws SyntaxException {
        if (methods == null || methods.equals(List.of("none"))) {
            return UpstreamAuth.NONE;
        }
        if (methods.size() > 1) {
            throw new SyntaxException("Invalid route: method: give none or username, not both");
        }
        if (!forwardAllowed) {
            throw new SyntaxException("Invalid route: method: username passes the clients' passwords on: it needs"
                    + " the property auth.forward.allowed=true");
        }
        if (spoken.equals(List.of("socks_v4"))) {
            throw new SyntaxException("Invalid route: SOCKS 4 has no login: method: username needs socks_v5 or http");
        }
        return UpstreamAuth.FORWARD;
    }
}
