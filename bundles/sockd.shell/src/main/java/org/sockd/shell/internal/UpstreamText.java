package org.sockd.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamSelector;

/** How sockd:upstreams lists the upstreams, and how sockd:check names the path socks.conf chose. */
final class UpstreamText {

    private UpstreamText() {
    }

    /** One line per upstream: name, protocol and address, then usable or marked bad, and its failures. */
    static String upstreams(Optional<UpstreamSelector> selector) {
        if (selector.isEmpty()) {
            return "no socks.conf: every permitted request goes direct";
        }
        List<UpstreamHealth> health = selector.get().upstreams();
        if (health.isEmpty()) {
            return "socks.conf names no upstreams";
        }
        return health.stream().map(UpstreamText::line).collect(Collectors.joining("\n"));
    }

    private static String line(UpstreamHealth health) {
        Upstream upstream = health.upstream();
        String state = health.bad() ? "bad, marked " + health.markAge().toSeconds() + "s ago" : "usable";
        return upstream.name() + "  " + upstream.protocol().name().toLowerCase(Locale.ROOT) + " "
                + upstream.endpoint() + "  " + state + ", " + health.failures() + " failures";
    }

    /** {@code direct (socks.conf:4)}, {@code through fw1, fw2 (socks.conf:2)} or {@code refused: ...}. */
    static String path(NextHop hop) {
        return switch (hop) {
            case NextHop.Deny deny -> "refused: " + deny.reason() + line(deny.rule());
            case NextHop.Direct direct -> "direct" + line(direct.rule());
            case NextHop.Try through -> "through " + (through.upstreams().isEmpty() ? "no upstream that can carry it"
                    : through.upstreams().stream().map(Upstream::name).collect(Collectors.joining(", ")))
                    + line(through.rule());
        };
    }

    private static String line(MatchedRule rule) {
        return rule == null ? "" : " (" + rule.source() + ":" + rule.line() + ": " + rule.text() + ")";
    }
}
