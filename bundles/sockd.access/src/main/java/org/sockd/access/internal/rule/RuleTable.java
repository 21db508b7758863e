package org.sockd.access.internal.rule;

import java.util.List;
import java.util.Optional;
import org.sockd.common.rules.Op;
import org.sockd.common.rules.PortTest;

/**
 * The rules in file order, each with a prefilter worked out at load time: a few 64-bit words
 * packed side by side in one array, so a scan of many rules reads memory in sequence and most
 * rules are passed over after some integer operations. Each word states a condition the rule
 * cannot match without, so a rule failing one cannot match, and a rule passing all of them is
 * tested in full: the first rule that matches is the same as with a plain scan.
 */
final class RuleTable {

    private static final int STRIDE = 6;
    private static final long ANY_PORT = 0xFFFFL;

    private final Rule[] rules;
    private final long[] keys;

    RuleTable(List<Rule> rules) {
        this.rules = rules.toArray(Rule[]::new);
        this.keys = new long[this.rules.length * STRIDE];
        for (int i = 0; i < this.rules.length; i++) {
            Rule rule = this.rules[i];
            int k = i * STRIDE;
            keys[k] = address(rule.source());
            keys[k + 1] = address(rule.destination());
            keys[k + 2] = ports(rule.port());
            keys[k + 3] = Bits.pattern(rule.source());
            keys[k + 4] = Bits.pattern(rule.destination());
            keys[k + 5] = Bits.users(rule.users());
        }
    }

    Optional<Rule> firstMatch(Facts facts) {
        for (int i = 0, k = 0; i < rules.length; i++, k += STRIDE) {
            if (mayMatch(k, facts) && rules[i].matches(facts)) {
                return Optional.of(rules[i]);
            }
        }
        return Optional.empty();
    }

    private boolean mayMatch(int k, Facts facts) {
        return compare(keys[k], facts.clientValue, facts.clientSelector)
                && compare(keys[k + 1], facts.destinationValue, facts.destinationSelector)
                && facts.port >= (int) (keys[k + 2] >>> 32) && facts.port <= (int) keys[k + 2]
                && (keys[k + 3] & ~facts.clientNameBits) == 0
                && (keys[k + 4] & ~facts.destinationNameBits) == 0
                && (keys[k + 5] & facts.userBits) != 0;
    }

    /** A selector of 0 (a host with no single IPv4 address) leaves the comparison to the full test. */
    private static boolean compare(long key, int value, int selector) {
        return (((value & (int) (key >>> 32)) ^ (int) key) & selector) == 0;
    }

    /** Mask in the high half, the address's compared bits in the low; a name pattern compares none. */
    private static long address(AddressPattern pattern) {
        return pattern instanceof AddressMask(int address, int mask)
                ? (long) mask << 32 | (address & mask) & 0xFFFFFFFFL
                : 0L;
    }

    /** The lowest port that passes in the high half, the highest in the low. */
    private static long ports(PortTest test) {
        if (!(test instanceof PortTest.Compare(Op op, int port))) {
            return ANY_PORT;
        }
        return switch (op) {
            case EQ -> (long) port << 32 | port;
            case LT -> port - 1L;
            case LE -> port;
            case GT -> (long) (port + 1) << 32 | ANY_PORT;
            case GE -> (long) port << 32 | ANY_PORT;
            case NEQ -> ANY_PORT;
        };
    }
}
