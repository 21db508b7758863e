package org.sockd.route.internal;

import java.net.InetAddress;
import java.util.Objects;
import org.sockd.common.net.AddressText;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.HostNames;
import org.sockd.common.rules.Subnet;

/** The destination half of a route line: an address and mask, or a name pattern. */
sealed interface Destination {

    /**
     * @param address the destination's address bytes, 4 or 16
     * @param name the name the client gave, or {@code null}
     */
    boolean matches(byte[] address, String name);

    /** @return the destination and mask fields in canonical form */
    String text();

    /**
     * A host, network or subnet: {@code (destination & mask) == (address & mask)}; an address of the
     * other family never matches.
     */
    final class Network implements Destination {

        private final InetAddress address;
        private final Subnet subnet;

        Network(InetAddress address, InetAddress mask) {
            this.address = Objects.requireNonNull(address, "address");
            if (address.getAddress().length != mask.getAddress().length) {
                // a damaged frozen file is refused with this message, naming both addresses
                throw new IllegalArgumentException("address " + address + " and mask " + mask + " differ in family");
            }
            this.subnet = new Subnet(address.getAddress(), mask.getAddress());
        }

        InetAddress address() {
            return address;
        }

        InetAddress mask() {
            return AddressLiterals.byAddress(subnet.mask());
        }

        @Override
        public boolean matches(byte[] destination, String name) {
            return subnet.contains(destination);
        }

        @Override
        public String text() {
            return AddressText.of(address) + " " + AddressText.of(mask());
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** {@code host.example.com}: the client named exactly this host, in any case. */
    record Host(String name) implements Destination {
        public Host {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(byte[] address, String given) {
            return given != null && Names.absolute(given).equalsIgnoreCase(name);
        }

        @Override
        public String text() {
            return name + " " + Names.IGNORED_MASK;
        }
    }

    /**
     * {@code .example.com}: the client named the zone itself ({@code example.com}) or a name in it;
     * {@code badexample.com} is not in it.
     *
     * @param suffix the pattern as written, with its leading dot
     */
    record Zone(String suffix) implements Destination {
        public Zone {
            HostNames.zone(suffix);
        }

        @Override
        public boolean matches(byte[] address, String given) {
            return given != null && HostNames.inZone(suffix, Names.absolute(given));
        }

        @Override
        public String text() {
            return suffix + " " + Names.IGNORED_MASK;
        }
    }
}
