package org.sockd.access.internal.parse;

import java.util.List;
import java.util.Objects;
import org.sockd.access.internal.rule.RuleSet;

/** The outcome of reading a sockd.conf: all of it, or none of it. */
public sealed interface ParseResult {

    /** Every line was valid. */
    record Parsed(RuleSet rules) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(rules, "rules");
        }
    }

    /** At least one line was invalid, so the file is refused as a whole. */
    record Invalid(List<ConfError> errors) implements ParseResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one error");
            }
        }
    }
}
