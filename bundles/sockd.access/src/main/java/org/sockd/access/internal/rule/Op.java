package org.sockd.access.internal.rule;

import java.util.Optional;

/** The port comparison of a rule: the request's port on the left, the configured one on the right. */
public enum Op {
    EQ,
    NEQ,
    LT,
    GT,
    LE,
    GE;

    /** @return the operator spelled by a keyword in any case, as SOCKS 4.3 accepted it */
    public static Optional<Op> of(String keyword) {
        for (Op op : values()) {
            if (op.name().equalsIgnoreCase(keyword)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    boolean test(int actual, int configured) {
        return switch (this) {
            case EQ -> actual == configured;
            case NEQ -> actual != configured;
            case LT -> actual < configured;
            case GT -> actual > configured;
            case LE -> actual <= configured;
            case GE -> actual >= configured;
        };
    }
}
