package org.sockd.access.internal.rule;

import java.util.List;
import org.sockd.common.rules.UserList;

/**
 * 64-bit summaries of sets of strings, for the prefilter of {@link RuleTable}. {@link #ALWAYS} is
 * set in every request's summary and in the summary of a rule field that admits anything.
 * <ul>
 * <li>Users: a user-id stands for one of 63 bits, a list for the bits of its user-ids; a rule can
 * match only if its list shares a bit with the request's user.
 * <li>Names: a name stands for two of 63 bits; a rule can match only if the host's summary holds
 * both bits of the rule's name (two bits make far fewer false hits than one).
 * </ul>
 * Passing proves nothing: the rule is then tested in full.
 */
final class Bits {

    static final long ALWAYS = 1L << 63;

    private Bits() {
    }

    /** @return the summary of a user list; an unreadable one admits no one, so it has no bit */
    static long users(UserList users) {
        return switch (users) {
            case UserList.Anyone anyone -> ALWAYS;
            case UserList.Listed listed -> listed.names().stream().mapToLong(name -> bit(name.hashCode(), 0x9E3779B9))
                    .reduce(0L, (a, b) -> a | b);
            case UserList.Unreadable unreadable -> 0L;
        };
    }

    static long user(String user) {
        return ALWAYS | bit(user.hashCode(), 0x9E3779B9);
    }

    /** @return the bits an address field needs among the host's names: those of its one name, or ALWAYS */
    static long pattern(AddressPattern pattern) {
        return switch (pattern) {
            case NamePattern.Host host -> twoBits(caseless(host.name(), 0));
            case NamePattern.Zone zone -> twoBits(caseless(zone.suffix(), 1));
            case NamePattern.All all -> ALWAYS;
            case AddressMask mask -> ALWAYS;
            case Ipv6Prefix prefix -> ALWAYS;
        };
    }

    /**
     * Every name of a host and every zone it is in: each suffix of a name that starts after a
     * dot, so that {@code a.example.com} has the bits of {@code example.com} and {@code com}.
     */
    static long names(List<String> names) {
        long bits = ALWAYS;
        for (int n = 0; n < names.size(); n++) {
            String name = names.get(n);
            int hash = 0;
            for (int i = name.length() - 1; i >= 0; i--) {
                hash = hash * 31 + fold(name.charAt(i));
                if (i == 0 || name.charAt(i - 1) == '.') {
                    bits |= twoBits(hash);
                }
            }
        }
        return bits;
    }

    /** The same hash as {@link #names}, read from the end, of {@code text} from {@code from}. */
    private static int caseless(String text, int from) {
        int hash = 0;
        for (int i = text.length() - 1; i >= from; i--) {
            hash = hash * 31 + fold(text.charAt(i));
        }
        return hash;
    }

    /** Characters that equalsIgnoreCase() and regionMatches(true, ...) take as equal fold alike. */
    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static long twoBits(int hash) {
        return bit(hash, 0x9E3779B9) | bit(hash, 0x85EBCA6B);
    }

    private static long bit(int hash, int multiplier) {
        return 1L << Math.floorMod(hash * multiplier, 63);
    }
}
