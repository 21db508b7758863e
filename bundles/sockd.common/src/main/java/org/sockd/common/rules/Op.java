package org.sockd.common.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * A port comparison: the request's port on the left, the configured one on the right. The order
 * of the constants is part of the frozen sockd.conf format, which stores the ordinal.
 */
public enum Op {
    EQ("="),
    NEQ("!="),
    LT("<"),
    GT(">"),
    LE("<="),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator a classic keyword ({@code eq}, {@code neq}, ...) spells in any case, as SOCKS 4.3 did */
    public static Optional<Op> classic(String keyword) {
        for (Op op : values()) {
            if (op.name().equalsIgnoreCase(keyword)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** @return a Dante operator: a symbol, a classic keyword, or Dante 1.4's {@code ne}; not for classic lines */
    public static Optional<Op> dante(String word) {
        for (Op op : values()) {
            if (op.symbol.equals(word)) {
                return Optional.of(op);
            }
        }
        return word.equals("ne") ? Optional.of(NEQ) : classic(word);
    }

    /** @return the classic keyword, lower case: {@code eq}, {@code neq}, ... */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the Dante symbol: {@code =}, {@code !=}, ... */
    public String symbol() {
        return symbol;
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
