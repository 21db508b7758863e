package org.sockd.api.access;

import java.util.Objects;

/** The verdict of an {@link AccessPolicy} on one request. */
public sealed interface Decision {

    /**
     * The request is permitted.
     *
     * @param rule the rule that permitted it
     * @param identMode the ident check the rule asks for before the request may go ahead
     * @param onIdentFailure what to run when that check fails (classic {@code #NO_IDENTD:} and
     *        {@code #BAD_ID:} lines)
     */
    record Allow(MatchedRule rule, IdentMode identMode, IdentActions onIdentFailure) implements Decision {
        public Allow {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(identMode, "identMode");
            Objects.requireNonNull(onIdentFailure, "onIdentFailure");
        }

        /** A permit with no commands for ident failures. */
        public Allow(MatchedRule rule, IdentMode identMode) {
            this(rule, identMode, IdentActions.NONE);
        }
    }

    /**
     * The request is refused.
     *
     * @param reason a short reason for the log
     * @param rule the deny rule that matched, or {@code null} when no rule matched (implied deny)
     */
    record Deny(String reason, MatchedRule rule) implements Decision {
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
