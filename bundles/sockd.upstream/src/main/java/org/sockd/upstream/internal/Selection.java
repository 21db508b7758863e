package org.sockd.upstream.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sockd.api.Command;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.text.SyntaxException;

/**
 * Chooses the next hop from a table. Deterministic: health never changes the kind of path, marks
 * only put bad upstreams after the usable ones, so an upstream failure never turns into direct
 * egress. Consecutive matching Dante routes through upstreams pool their upstreams; the first
 * other matching line ends the pool, and decides alone when there is none.
 */
final class Selection {

    private Selection() {
    }

    static NextHop select(SocksTable table, RequestFacts facts, FailureMarks marks) {
        if (facts.loopback()) {
            return new NextHop.Direct(null);
        }
        List<Upstream> healthy = new ArrayList<>();
        List<Upstream> bad = new ArrayList<>();
        Entry first = null;
        for (Entry entry : table.entries()) {
            if (!entry.matches(facts)) {
                continue;
            }
            if (entry instanceof DanteRoute route && route.via() instanceof DanteRoute.Proxy proxy) {
                sort(proxy.pick(facts), healthy, bad, marks);
                first = first == null ? entry : first;
                continue;
            }
            if (first != null) {
                break; // earlier matching routes win; this line is not used
            }
            first = entry;
            if (entry instanceof ClassicLine line) {
                switch (line.action()) {
                    case DENY -> {
                        return new NextHop.Deny("refused by socks.conf line " + line.line(), line.rule(table.source()));
                    }
                    case DIRECT -> {
                        return new NextHop.Direct(line.rule(table.source()));
                    }
                    case SOCKD -> line.servers().forEach(server -> sort(server, healthy, bad, marks));
                }
            } else {
                return new NextHop.Direct(entry.rule(table.source())); // a route via: direct
            }
            break;
        }
        if (first == null) {
            return new NextHop.Deny("no line of " + table.source() + " matches", null);
        }
        return tryList(table, facts, first.rule(table.source()), healthy, bad);
    }

    private static void sort(Upstream upstream, List<Upstream> healthy, List<Upstream> bad, FailureMarks marks) {
        if (!healthy.contains(upstream) && !bad.contains(upstream)) {
            (marks.bad(upstream) ? bad : healthy).add(upstream);
        }
    }

    private static NextHop tryList(SocksTable table, RequestFacts facts, MatchedRule rule, List<Upstream> healthy,
            List<Upstream> bad) {
        List<Upstream> order = new ArrayList<>(healthy);
        order.addAll(bad);
        for (Upstream upstream : order) {
            if (isDestination(upstream, facts)) {
                return new NextHop.Deny("route loop: the destination is the upstream " + upstream.name(), rule);
            }
        }
        if (facts.command() == Command.BIND) {
            // HTTP CONNECT has no BIND: skipped, not counted as a failure
            order.removeIf(upstream -> upstream.protocol() == UpstreamProtocol.HTTP);
        }
        return new NextHop.Try(rule, order, table.limits());
    }

    /** The destination is the upstream itself: same port, and the same name or address literal. */
    private static boolean isDestination(Upstream upstream, RequestFacts facts) {
        if (facts.port() != upstream.port()) {
            return false;
        }
        if (facts.name() != null) {
            return facts.name().equalsIgnoreCase(upstream.host());
        }
        if (!AddressLiterals.looksNumeric(upstream.host())) {
            return false;
        }
        byte[] literal = literal(upstream.host());
        return literal != null && facts.addresses().stream().anyMatch(address -> Arrays.equals(address, literal));
    }

    private static byte[] literal(String host) {
        try {
            return HostText.address(host, "upstream");
        } catch (SyntaxException e) {
            return null; // the parser accepted only valid literals
        }
    }
}
