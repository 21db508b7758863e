package org.sockd.shell.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.common.admin.ReloadReport;

/**
 * How sockd:check and sockd:routes read: the decision on a request, the live sessions the files on
 * disk would end, and the routes a request could take.
 */
final class CheckText {

    /** The reason the sockd.conf policy gives when no line matched. */
    private static final String NO_RULE_MATCHED = "no rule matched";

    private CheckText() {
    }

    static String check(CheckReport report) {
        return switch (report) {
            case CheckReport.NoPolicy none -> Text.NO_POLICY;
            case CheckReport.Decided decided -> String.join("\n", decided(decided));
        };
    }

    private static List<String> decided(CheckReport.Decided report) {
        ConnectRequest request = report.request();
        List<String> lines = new ArrayList<>();
        lines.add("policy:   " + report.policy());
        lines.add("request:  " + request.version() + " CONNECT from " + request.client().remote().getAddress().getHostAddress()
                + " to " + request.destination().hostText() + " port " + request.destination().port()
                + ", user \"" + request.user() + "\"");
        if (request.destination().isName()) {
            lines.add("resolved: " + (request.resolved().isEmpty() ? "nothing (no answer in time)"
                    : request.resolved().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "))));
        }
        report.guarded().forEach((address, why) ->
                lines.add("guard:    refuses " + address.getHostAddress() + " (" + why + ")"));
        if (report.clientNamesLookedUp()) {
            lines.add("client:   " + (request.clientNames().isEmpty() ? "no confirmed host name"
                    : String.join(", ", request.clientNames())));
        }
        lines.addAll(verdict(report.decision()));
        if (request.destination().isName() && !report.tried().isEmpty()) {
            lines.add("tries:    " + report.tried().stream().map(InetAddress::getHostAddress)
                    .collect(Collectors.joining(", ")) + " (the addresses the rules permit, in order)");
        }
        report.path().ifPresent(hop -> lines.add("path:     " + UpstreamText.path(hop)));
        report.route().ifPresent(route -> lines.add("route:    " + route(route)));
        return lines;
    }

    static String sessions(SessionsCheck check) {
        return switch (check) {
            case SessionsCheck.NoPolicy none -> Text.NO_POLICY;
            case SessionsCheck.NoPreview none -> "the access policy in use (" + none.policy()
                    + ") cannot read its files without putting them in force: no dry run";
            case SessionsCheck.Invalid invalid -> invalid.preview().source()
                    + ": NOT valid, a reload would keep the rules in force and end no session:"
                    + invalid.preview().errors().stream().map(error -> "\n  " + error).collect(Collectors.joining());
            case SessionsCheck.WouldEnd would -> would.source() + " (on disk, not in force) would end "
                    + would.refused().size() + " of " + would.live() + " live sessions"
                    + would.refused().stream().map(refusal -> "\n  " + ReloadReport.line(refusal))
                            .collect(Collectors.joining());
        };
    }

    private static String route(Route route) {
        return switch (route) {
            case Route.Via via -> "leaves from " + via.local().getHostAddress() + " (" + via.entry().source() + ":"
                    + via.entry().line() + ": " + via.entry().text() + ")";
            case Route.NoRoute none -> "none: " + none.reason() + " (the request would fail)";
        };
    }

    static String routes(Optional<RouteSelector> selector) {
        if (selector.isEmpty()) {
            return "no route file: the system chooses the local address (single-homed)";
        }
        List<RouteEntry> table = selector.get().table();
        if (table.isEmpty()) {
            return "the route file has no routes in force: every request that needs a route fails";
        }
        return table.stream().map(entry -> entry.source() + ":" + entry.line() + ": " + entry.text())
                .collect(Collectors.joining("\n"));
    }

    private static List<String> verdict(Decision decision) {
        return switch (decision) {
            case Decision.Allow allow -> List.of("verdict:  permit", "rule:     " + rule(allow.rule()),
                    "ident:    " + allow.identMode().name().toLowerCase(Locale.ROOT));
            case Decision.Deny deny -> List.of("verdict:  deny", "rule:     " + rule(deny));
        };
    }

    private static String rule(Decision.Deny deny) {
        if (deny.rule() != null) {
            return rule(deny.rule());
        }
        return deny.reason().equals(NO_RULE_MATCHED) ? "no rule matched (implied deny)" : "none (" + deny.reason() + ")";
    }

    private static String rule(MatchedRule rule) {
        return rule.line() > 0 ? rule.source() + ":" + rule.line() + ": " + rule.text() : rule.source() + ": " + rule.text();
    }
}
