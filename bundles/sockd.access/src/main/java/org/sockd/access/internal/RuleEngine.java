package org.sockd.access.internal;

import java.util.Objects;
import java.util.Optional;
import org.sockd.access.internal.rule.Facts;
import org.sockd.access.internal.rule.Rule;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;

/** Decides a request against a rule set: the first matching rule wins, no match is a deny. */
final class RuleEngine {

    private static final Decision NO_MATCH = new Decision.Deny("no rule matched", null);

    private final IdentMode globalMode;

    /** @param globalMode the daemon-wide ident mode (-I, -i), for permit rules without ?= */
    RuleEngine(IdentMode globalMode) {
        this.globalMode = Objects.requireNonNull(globalMode, "globalMode");
    }

    Decision decide(RuleSet rules, ConnectRequest request) {
        Optional<Rule> match = rules.firstMatch(Facts.of(request));
        return match.isPresent() ? verdict(rules, match.get()) : NO_MATCH;
    }

    /**
     * The rule's command runs on a deny and on a permit that goes ahead; the file's
     * {@code #NO_IDENTD:} and {@code #BAD_ID:} commands travel with a permit in case its ident
     * check fails. Which of them runs is the core's business.
     */
    private Decision verdict(RuleSet rules, Rule rule) {
        MatchedRule matched = new MatchedRule(rules.source(), rule.line(), rule.text(), rule.command().orElse(null));
        return switch (rule.action()) {
            case DENY -> new Decision.Deny("rule", matched);
            case PERMIT -> new Decision.Allow(matched, rule.ident().orElse(globalMode), rules.identActions());
        };
    }
}
