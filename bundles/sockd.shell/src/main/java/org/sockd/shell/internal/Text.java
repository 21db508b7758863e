package org.sockd.shell.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.access.Decision;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.common.text.LogText;

/** How the commands' results read in the shell: every format in one place. */
final class Text {

    private static final String NO_POLICY = "no access policy registered: every request is refused";
    private static final Pattern ZERO_GROUPS = Pattern.compile("(?:^|:)0(?::0)+(?::|$)");
    static final String NO_CORE = "the core is not running (no SessionRegistry service is registered)";
    /** The reason the sockd.conf policy gives when no line matched. */
    private static final String NO_RULE_MATCHED = "no rule matched";

    private Text() {
    }

    static String reload(List<ReloadResult> results) {
        if (results.isEmpty()) {
            return "nothing to reload: no Reloadable service is registered";
        }
        return results.stream().map(Text::reload).collect(Collectors.joining("\n"));
    }

    private static String reload(ReloadResult result) {
        return switch (result) {
            case ReloadResult.Reloaded reloaded -> reloaded.source() + ": reloaded " + reloaded.entries() + " rules";
            case ReloadResult.Failed failed -> failed.source() + ": NOT reloaded, previous rules stay:"
                    + failed.errors().stream().map(error -> "\n  " + error).collect(Collectors.joining());
        };
    }

    static String check(CheckReport report) {
        return switch (report) {
            case CheckReport.NoPolicy none -> NO_POLICY;
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
        if (report.clientNamesLookedUp()) {
            lines.add("client:   " + (request.clientNames().isEmpty() ? "no confirmed host name"
                    : String.join(", ", request.clientNames())));
        }
        lines.addAll(verdict(report.decision()));
        report.route().ifPresent(route -> lines.add("route:    " + route(route)));
        return lines;
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

    static String policies(List<PolicyService> preferredFirst) {
        if (preferredFirst.isEmpty()) {
            return NO_POLICY;
        }
        int width = Math.max("name".length(), preferredFirst.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        String row = "%-1s  %-" + width + "s  %7s  %10s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, row, "", "name", "ranking", "service.id", "bundle"));
        for (int i = 0; i < preferredFirst.size(); i++) {
            PolicyService policy = preferredFirst.get(i);
            lines.add(String.format(Locale.ROOT, row, i == 0 ? "*" : "", policy.name(), policy.ranking(),
                    policy.serviceId(), policy.bundle()));
        }
        lines.add("* in use: the highest ranking, then the lowest service.id");
        return String.join("\n", lines);
    }

    static String status(Status status) {
        List<String> lines = new ArrayList<>();
        lines.add("sockd " + status.version() + (status.started() == null ? ", uptime unknown"
                : ", up " + age(status.started(), status.now()) + " since " + status.started().truncatedTo(ChronoUnit.SECONDS)));
        lines.add("listeners: " + (status.listeners().isEmpty() ? "none" : String.join(", ", status.listeners())));
        DaemonTotals totals = status.totals();
        if (totals == null) {
            lines.add("sessions:  unknown: " + NO_CORE);
        } else {
            lines.add("sessions:  " + totals.active() + " live, " + totals.sessions() + " since "
                    + totals.started().truncatedTo(ChronoUnit.SECONDS));
            lines.add("bytes:     " + totals.fromClients() + " from clients, " + totals.fromTargets() + " to clients");
        }
        lines.add("services:");
        lines.addAll(services(status.services()));
        return String.join("\n", lines);
    }

    /** Every kind appears, a kind with no service too: the core runs without it (or refuses everything). */
    private static List<String> services(List<RegisteredService> services) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {" ", "kind", "name", "ranking", "service.id", "bundle"}); // " ": room for the mark
        for (ServiceKind kind : ServiceKind.values()) {
            List<RegisteredService> ofKind = services.stream().filter(service -> service.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                rows.add(new String[] {"", kind.title(), kind == ServiceKind.ACCESS_POLICY
                        ? "(none: every request is refused)" : "(none)", "", "", ""});
            }
            for (int i = 0; i < ofKind.size(); i++) {
                RegisteredService service = ofKind.get(i);
                rows.add(new String[] {i == 0 || !kind.onlyPreferredUsed() ? "*" : "", kind.title(), service.name(),
                        String.valueOf(service.ranking()), String.valueOf(service.serviceId()), service.bundle()});
            }
        }
        List<String> lines = table(rows, "  ", new boolean[] {false, false, false, true, true, false});
        lines.add("  * in use: every Authenticator and SessionListener; of the other kinds the highest ranking,"
                + " then the lowest service.id");
        return lines;
    }

    static String sessions(SessionTable table) {
        if (table.sessions().isEmpty()) {
            return "no live sessions";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "client", "user", "ident", "command", "destination", "state", "age",
                "from client", "to client"});
        for (SessionSnapshot session : table.sessions()) {
            rows.add(new String[] {String.valueOf(session.id()), address(session.client()), orDash(session.user()),
                    orDash(session.ident()), session.command() == null ? "-" : session.command().classicName(),
                    session.destination() == null ? "-" : endpoint(session.destination()), session.state().name().toLowerCase(Locale.ROOT),
                    age(session.started(), table.now()), String.valueOf(session.fromClient()),
                    String.valueOf(session.fromTarget())});
        }
        List<String> lines = table(rows, "", new boolean[] {true, false, false, false, false, false, false, true, true, true});
        int count = table.sessions().size();
        lines.add(count + (count == 1 ? " live session" : " live sessions"));
        return String.join("\n", lines);
    }

    static String kill(KillReport report) {
        SessionSnapshot session = report.session();
        return "closed session " + session.id() + ": " + address(session.client())
                + (session.destination() == null ? "" : " to " + endpoint(session.destination()))
                + (session.command() == null ? "" : " (" + session.command().classicName() + ")");
    }

    static String dump(DumpReport report) {
        if (report.sections().isEmpty()) {
            return "nothing to dump: no Dumpable service is registered";
        }
        List<String> lines = new ArrayList<>();
        for (DumpReport.Section section : report.sections()) {
            if (section.failure() != null) {
                lines.add(section.title() + ": could not be shown: " + section.failure());
                continue;
            }
            lines.add(section.title() + ":");
            section.lines().forEach(line -> lines.add("  " + line));
        }
        return String.join("\n", lines);
    }

    /** @return the time from then to now, to two units: 42s, 3m05s, 2h07m, 5d03h */
    static String age(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    private static String address(InetSocketAddress address) {
        return host(address.getAddress()) + ":" + address.getPort();
    }

    private static String endpoint(Endpoint endpoint) {
        return (endpoint.isName() ? LogText.escape(endpoint.host()) : host(endpoint.address())) + ":" + endpoint.port();
    }

    private static String host(InetAddress address) {
        return address instanceof Inet6Address ? "[" + compressed(address.getHostAddress()) + "]" : address.getHostAddress();
    }

    /** RFC 5952: the JDK writes every group; the first longest run of two or more zero groups becomes "::". */
    static String compressed(String ipv6) {
        int percent = ipv6.indexOf('%');
        String groups = percent < 0 ? ipv6 : ipv6.substring(0, percent);
        Matcher zeros = ZERO_GROUPS.matcher(groups);
        int start = -1;
        int end = -1;
        while (zeros.find()) {
            if (zeros.end() - zeros.start() > end - start) {
                start = zeros.start();
                end = zeros.end();
            }
        }
        String shortened = start < 0 ? groups : groups.substring(0, start) + "::" + groups.substring(end);
        return percent < 0 ? shortened : shortened + ipv6.substring(percent);
    }

    /** Client-supplied text, made safe for a terminal. */
    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : LogText.escape(text);
    }

    /**
     * Aligns the rows in columns two spaces apart, numbers to the right; the last column is not
     * padded so that lines carry no trailing blanks.
     */
    private static List<String> table(List<String[]> rows, String indent, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? padding + row[i] : i == row.length - 1 ? row[i] : row[i] + padding);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
