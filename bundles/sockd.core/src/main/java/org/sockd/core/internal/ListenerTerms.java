package org.sockd.core.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.sockd.core.internal.udp.UdpPortRange;

/**
 * What the listener that accepted a connection asks of it and tells its client.
 *
 * @param proxy the PROXY protocol header every connection must open with, when the listener requires one
 * @param advertised the address BIND and UDP ASSOCIATE replies name instead of the local one, else empty
 * @param udpPorts the ports UDP ASSOCIATE relay sockets bind, which their replies name
 */
record ListenerTerms(Optional<ProxyGate> proxy, Optional<InetAddress> advertised, UdpPortRange udpPorts) {

    /** Sockets inherited from inetd or systemd: no header, local addresses in replies. */
    static final ListenerTerms PLAIN = new ListenerTerms(Optional.empty(), Optional.empty(), UdpPortRange.ANY);

    /** @return the address a reply names for a socket bound here: the advertised one, on the same port */
    InetSocketAddress advertise(InetSocketAddress bound) {
        return advertised.map(address -> new InetSocketAddress(address, bound.getPort())).orElse(bound);
    }
}
