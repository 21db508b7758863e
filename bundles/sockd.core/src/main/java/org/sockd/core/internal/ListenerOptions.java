package org.sockd.core.internal;

import java.net.InetAddress;
import java.util.Optional;
import org.sockd.common.rules.AddressLiterals;
import org.sockd.core.internal.udp.UdpPortRange;

/**
 * What a listener's configuration asks beyond its address, checked before the socket is bound.
 *
 * @param proxyTrusted the balancers' networks when every connection must open with a PROXY
 *        protocol header, else empty
 * @param advertised the address BIND and UDP ASSOCIATE replies name instead of the local one, else empty
 * @param udpPorts the ports UDP ASSOCIATE relay sockets bind, which their replies name
 */
record ListenerOptions(Optional<TrustedNetworks> proxyTrusted, Optional<InetAddress> advertised,
        UdpPortRange udpPorts) {

    /** Sockets inherited from inetd or systemd: no header, local addresses in replies. */
    static final ListenerOptions PLAIN = new ListenerOptions(Optional.empty(), Optional.empty(), UdpPortRange.ANY);

    static final String PROXY_REQUIRED = "required";
    static final String PROXY_OFF = "off";

    /**
     * @param pid the configuration's PID, for messages
     * @throws IllegalArgumentException naming the PID, the property and what is wrong
     */
    static ListenerOptions of(Listener.Config config, Object pid) {
        String where = "sockd.listener configuration " + pid + ":";
        Optional<TrustedNetworks> trusted = switch (config.proxy_protocol().strip()) {
            case PROXY_OFF -> Optional.empty();
            case PROXY_REQUIRED -> {
                TrustedNetworks networks = TrustedNetworks.parse(config.proxy_trusted(), where + " proxy.trusted");
                if (networks.isEmpty()) {
                    throw new IllegalArgumentException(where + " proxy.protocol = \"required\" needs proxy.trusted,"
                            + " the networks of the balancers that send the header (like [\"10.0.0.0/8\"]);"
                            + " without it no connection could be served");
                }
                yield Optional.of(networks);
            }
            default -> throw new IllegalArgumentException(where + " proxy.protocol = \"" + config.proxy_protocol()
                    + "\" is neither \"" + PROXY_REQUIRED + "\" nor \"" + PROXY_OFF + "\"");
        };
        return new ListenerOptions(trusted, advertised(config.advertise_address().strip(), where),
                UdpPortRange.parse(config.advertise_udp_ports(), where + " advertise.udp.ports"));
    }

    private static Optional<InetAddress> advertised(String field, String where) {
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Optional<InetAddress> address = AddressLiterals.literal(field);
        if (address.isEmpty() || address.get().isAnyLocalAddress()) {
            throw new IllegalArgumentException(where + " advertise.address = \"" + field + "\" is not an IP address"
                    + " a client can reach (expected an IPv4 address as " + AddressLiterals.QUAD_HINT
                    + ", or an IPv6 address; no name, no wildcard)");
        }
        return address;
    }
}
