package org.sockd.core.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.common.rules.Subnet;

/**
 * The networks a listener takes PROXY protocol headers from ({@code proxy.trusted}): each an IPv4
 * or IPv6 address with an optional prefix length, {@code 10.0.0.0/8}, {@code ::1/128}.
 */
final class TrustedNetworks {

    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final List<Subnet> networks;
    private final List<String> written;

    private TrustedNetworks(List<Subnet> networks, List<String> written) {
        this.networks = List.copyOf(networks);
        this.written = List.copyOf(written);
    }

    /**
     * @param where how a message starts, naming the configuration and the property
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static TrustedNetworks parse(String[] entries, String where) {
        List<Subnet> networks = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (String entry : entries) {
            String network = entry.strip();
            networks.add(network(network).orElseThrow(() -> new IllegalArgumentException(where + " \"" + entry
                    + "\" is not a network: expected an IP address with an optional prefix length 1-32 (IPv4) or"
                    + " 1-128 (IPv6), like 10.0.0.0/8 or ::1/128; a prefix of 0 would trust every address")));
            written.add(network);
        }
        return new TrustedNetworks(networks, written);
    }

    private static Optional<Subnet> network(String network) {
        String[] parts = network.split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<byte[]> address = address(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            if (!PREFIX.matcher(parts[1]).matches()) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(parts[1]);
        }
        if (prefix < 1 || prefix > bits) {
            return Optional.empty();
        }
        return Optional.of(new Subnet(address.get(), mask(prefix, bits / 8)));
    }

    /** A mapped IPv4 address written as IPv6 is refused: its prefix length would count IPv6 bits. */
    private static Optional<byte[]> address(String field) {
        return AddressLiterals.literal(field)
                .filter(address -> !(AddressLiterals.ipv6Like(field) && address instanceof Inet4Address))
                .map(InetAddress::getAddress);
    }

    private static byte[] mask(int prefix, int bytes) {
        byte[] mask = new byte[bytes];
        for (int bit = 0; bit < prefix; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    /** An IPv4-mapped peer of a dual-stack socket comes as an {@code Inet4Address} and matches IPv4 networks. */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return networks.stream().anyMatch(network -> network.contains(bytes));
    }

    @Override
    public String toString() {
        return String.join(", ", written);
    }
}
