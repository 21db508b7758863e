package org.sockd.shell.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.ReloadResult;

/** How the commands' results read in the shell: every format in one place. */
final class Text {

    private static final String NO_POLICY = "no access policy registered: every request is refused";
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
        return lines;
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
}
