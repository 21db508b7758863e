package org.sockd.common.net;

import java.net.InetAddress;
import java.util.Objects;
import org.sockd.common.rules.AddressLiterals;

/**
 * A destination host as a client sends it by name (SOCKS 5 DOMAINNAME, SOCKS 4A), checked before
 * anything looks it up: an address written the one canonical way is that address, a host name is
 * a name to look up, and everything else is refused. Resolvers disagree about the other numeric
 * spellings ({@code 0177.0.0.1} is 127.0.0.1 to glibc and 177.0.0.1 to Java, {@code 2130706433}
 * and {@code 127.1} are 127.0.0.1 to both), so no rule could tell which host such a name means.
 */
public sealed interface DestinationName {

    /** A strict dotted quad or a bare IPv6 literal: taken as the address, with no lookup. */
    record Literal(InetAddress address) implements DestinationName {
        public Literal {
            Objects.requireNonNull(address, "address");
        }
    }

    /** A host name to look up, as sent. */
    record Name(String name) implements DestinationName {
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Refused without a lookup, for the reason {@code flaw} gives. */
    record Refused(Flaw flaw) implements DestinationName {
        public Refused {
            Objects.requireNonNull(flaw, "flaw");
        }
    }

    /** Why a name is refused; {@link #reason()} is what the refusal log line says. */
    enum Flaw {
        EMPTY("empty host name"),
        AMBIGUOUS_NUMBER("ambiguous numeric host"),
        BRACKETED("bracketed address as host name"),
        SCOPED("scoped IPv6 address as host name"),
        BAD_IPV6("malformed IPv6 address as host name"),
        BAD_CHARACTER("host name with a character other than a letter, digit, '-', '_' or '.'"),
        EMPTY_LABEL("host name with an empty label"),
        LONG_LABEL("host name with a label over 63 bytes"),
        LONG_NAME("host name over 253 bytes");

        private final String reason;

        Flaw(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** @return what the host a client sent by name is */
    static DestinationName of(String host) {
        if (host.isEmpty()) {
            return new Refused(Flaw.EMPTY);
        }
        if (host.startsWith("[")) {
            return new Refused(Flaw.BRACKETED);
        }
        if (host.indexOf(':') >= 0 && host.indexOf('%') >= 0) {
            return new Refused(Flaw.SCOPED);
        }
        if (AddressLiterals.ipv6Like(host)) {
            return AddressLiterals.ipv6(host).<DestinationName>map(Literal::new).orElse(new Refused(Flaw.BAD_IPV6));
        }
        return AddressLiterals.literal(host).<DestinationName>map(Literal::new).orElseGet(() -> name(host));
    }

    private static DestinationName name(String host) {
        if (!host.chars().allMatch(DestinationName::nameCharacter)) {
            return new Refused(Flaw.BAD_CHARACTER);
        }
        // one final dot makes the name absolute; it changes nothing else
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (AddressLiterals.numberLike(name)) {
            return new Refused(Flaw.AMBIGUOUS_NUMBER);
        }
        // the limits of RFC 1035, section 2.3.4; 253 counts the name without its final dot
        if (name.length() > 253) {
            return new Refused(Flaw.LONG_NAME);
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                return new Refused(Flaw.EMPTY_LABEL);
            }
            if (label.length() > 63) {
                return new Refused(Flaw.LONG_LABEL);
            }
        }
        return new Name(host);
    }

    /** ASCII only: a name in another script reaches the resolver as its punycode, {@code xn--...}. */
    private static boolean nameCharacter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }
}
