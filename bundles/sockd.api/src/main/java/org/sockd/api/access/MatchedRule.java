package org.sockd.api.access;

import java.util.Objects;

/**
 * The rule that settled a decision, for logs and administration.
 *
 * @param source where the rule came from (a file name, or a policy's own name)
 * @param line the 1-based line in {@code source}, or 0 when the rule has no line
 * @param text the rule as written, for display
 */
public record MatchedRule(String source, int line, String text) {

    public MatchedRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
