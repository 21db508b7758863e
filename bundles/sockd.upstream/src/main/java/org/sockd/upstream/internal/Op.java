package org.sockd.upstream.internal;

import java.util.Optional;

/** A port comparison: the request's port on the left, the configured one on the right. */
enum Op {
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

    /** @return the classic keyword ({@code eq}, {@code neq}, ...) in any case, as SOCKS 4.3 compared it */
    static Optional<Op> classic(String keyword) {
        for (Op op : values()) {
            if (op.name().equalsIgnoreCase(keyword)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** @return a Dante operator: a symbol, a classic keyword, or Dante 1.4's {@code ne} */
    static Optional<Op> dante(String word) {
        for (Op op : values()) {
            if (op.symbol.equals(word)) {
                return Optional.of(op);
            }
        }
        return word.equals("ne") ? Optional.of(NEQ) : classic(word);
    }

    String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String symbol() {
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
