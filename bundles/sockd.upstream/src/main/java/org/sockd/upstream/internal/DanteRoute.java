package org.sockd.upstream.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.sockd.api.Command;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.common.rules.PortTest;

/**
 * A Dante {@code route { from: to: via: }} block of the accepted subset.
 *
 * @param line the 1-based line the block starts on
 * @param from the client pattern, with {@code fromPort} its port test
 * @param to the destination pattern, with {@code toPort} its port test
 * @param via the upstream, or none for {@code via: direct}
 * @param commands the commands the route carries
 */
record DanteRoute(int line, HostPattern from, PortTest fromPort, HostPattern to, PortTest toPort, Via via,
        Set<Command> commands) implements Entry {

    /** Where a route leads. */
    sealed interface Via {
    }

    /** {@code via: direct}. */
    record Direct() implements Via {
    }

    /**
     * An upstream, in one or two protocols: Dante's default offers SOCKS 4 and 5, and SOCKS 4 is
     * used when the request fits it (an IPv4 address, no login).
     *
     * @param candidates one upstream, or a SOCKS 4 one and a SOCKS 5 one for the same server
     */
    record Proxy(List<Upstream> candidates) implements Via {
        public Proxy {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty() || candidates.size() > 2) {
                throw new IllegalArgumentException("one or two protocols, not " + candidates.size());
            }
        }

        Upstream pick(RequestFacts facts) {
            boolean fitsSocks4 = facts.hasIpv4() && candidates.get(0).auth() == UpstreamAuth.NONE;
            return candidates.size() == 1 || fitsSocks4 ? candidates.get(0) : candidates.get(1);
        }
    }

    DanteRoute {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toPort, "toPort");
        Objects.requireNonNull(via, "via");
        commands = Set.copyOf(commands);
    }

    @Override
    public boolean matches(RequestFacts facts) {
        return commands.contains(facts.command()) && toPort.passes(facts.port())
                && fromPort.passes(facts.clientPort()) && to.matches(facts.addresses(), facts.name())
                && from.matches(List.of(facts.client()), null);
    }

    /** On one line, so that a frozen file can hold it as one entry. */
    @Override
    public String text() {
        StringBuilder text = new StringBuilder("route { from: ").append(pattern(from, fromPort))
                .append(" to: ").append(pattern(to, toPort)).append(" via: ");
        switch (via) {
            case Direct direct -> text.append("direct");
            case Proxy proxy -> {
                Upstream first = proxy.candidates().get(0);
                text.append(first.host()).append(" port = ").append(first.port()).append(" proxyprotocol:");
                proxy.candidates().forEach(u -> text.append(' ').append(DanteWords.protocol(u.protocol())));
                text.append(" method: ").append(first.auth() == UpstreamAuth.FORWARD ? "username" : "none");
            }
        }
        if (!commands.equals(DanteWords.ALL_COMMANDS)) {
            text.append(" command: ").append(commands.stream().sorted()
                    .map(Command::classicName).collect(Collectors.joining(" ")));
        }
        return text.append(" }").toString();
    }

    private static String pattern(HostPattern host, PortTest port) {
        return port.danteText().isEmpty() ? host.danteText() : host.danteText() + " " + port.danteText();
    }

    @Override
    public MatchedRule rule(String source) {
        return new MatchedRule(source, line, text());
    }
}
