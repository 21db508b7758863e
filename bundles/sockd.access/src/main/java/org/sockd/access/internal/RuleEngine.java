package org.sockd.access.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

/** Decides a request against a rule set: the first matching rule wins, no match is a deny. */
final class RuleEngine {

    private final IdentMode globalMode;

    /** @param globalMode the daemon-wide ident mode (-I, -i), for permit rules without ?= */
    RuleEngine(IdentMode globalMode) {
        this.globalMode = Objects.requireNonNull(globalMode, "globalMode");
    }

    Decision decide(RuleSet rules, ConnectRequest request) {
        for (Rule rule : rules.rules()) {
            if (matches(rule, request)) {
                return verdict(rules.source(), rule);
            }
        }
        return new Decision.Deny("no rule matched", null);
    }

    private Decision verdict(String source, Rule rule) {
        MatchedRule matched = new MatchedRule(source, rule.line(), rule.text());
        return switch (rule.action()) {
            case DENY -> new Decision.Deny("rule", matched);
            case PERMIT -> new Decision.Allow(matched, rule.ident().orElse(globalMode));
        };
    }

    private static boolean matches(Rule rule, ConnectRequest request) {
        return rule.source().matches(request.client().remote().getAddress())
                && rule.destination().matchesAny(destinationAddresses(request))
                && rule.users().admits(request.user())
                && rule.port().passes(request.destination().port());
    }

    /** A destination named by host name stands for everything it resolved to. */
    private static List<InetAddress> destinationAddresses(ConnectRequest request) {
        Endpoint destination = request.destination();
        return destination.isName() ? request.resolved() : List.of(destination.address());
    }
}
