package org.sockd.access.internal.rule;

import java.util.List;
import java.util.Objects;

/**
 * Everything a valid sockd.conf holds, in file order.
 *
 * @param source the file the rules came from, named in every decision
 * @param rules the rules; the first that matches decides
 * @param specials the {@code #NO_IDENTD:} and {@code #BAD_ID:} lines
 */
public record RuleSet(String source, List<Rule> rules, List<SpecialCommand> specials) {

    public RuleSet {
        Objects.requireNonNull(source, "source");
        rules = List.copyOf(rules);
        specials = List.copyOf(specials);
    }

    /** @return a rule set that refuses every request (the implied deny alone) */
    public static RuleSet empty(String source) {
        return new RuleSet(source, List.of(), List.of());
    }
}
