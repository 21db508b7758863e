package org.sockd.api.access;

import java.util.Objects;

/**
 * The rule that settled a decision, for logs and administration.
 *
 * @param source where the rule came from (a file name, or a policy's own name)
 * @param line the 1-based line in {@code source}, or 0 when the rule has no line
 * @param text the rule as written, for display
 * @param command the shell command of the rule (the text after its first {@code :}), or {@code null};
 *        the core has it run by an {@link org.sockd.api.action.ActionRunner} when the classic rules say
 */
public record MatchedRule(String source, int line, String text, String command) {

    /** A rule without a shell command. */
    public MatchedRule(String source, int line, String text) {
        this(source, line, text, null);
    }

    public MatchedRule {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
