package org.sockd.access.internal.rule;

import java.util.List;
import java.util.Objects;
import org.sockd.common.rules.HostNames;

/**
 * An address field written as a name (SOCKS 4.3), compared with the names a host is known by.
 * Addresses play no part: a host known only by its dotted quad matches none of these but
 * {@link All}, since a name pattern is never a dotted quad.
 */
public sealed interface NamePattern extends AddressPattern {

    /** {@code ALL}: any host, named or not. */
    record All() implements NamePattern {
        @Override
        public boolean matches(int[] ipv4, long[] ipv6, List<String> names) {
            return true;
        }
    }

    /** {@code host.example.com}: a host having that name, in any case. */
    record Host(String name) implements NamePattern {
        public Host {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(int[] ipv4, long[] ipv6, List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code .example.com}: the zone itself ({@code example.com}) and every name ending in
     * {@code .example.com}, in any case; {@code badexample.com} is not in it.
     *
     * @param suffix the pattern as written, with its leading dot
     */
    record Zone(String suffix) implements NamePattern {
        public Zone {
            HostNames.zone(suffix);
        }

        @Override
        public boolean matches(int[] ipv4, long[] ipv6, List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                if (HostNames.inZone(suffix, names.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
