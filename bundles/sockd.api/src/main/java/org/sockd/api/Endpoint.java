package org.sockd.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A destination as the client named it: either a host name (SOCKS 4A, SOCKS 5 domain) or an
 * address literal, plus a port.
 *
 * @param host the host name the client sent, or {@code null} when it sent an address
 * @param address the address the client sent, or {@code null} when it sent a name
 * @param port the TCP or UDP port, 0..65535
 */
public record Endpoint(String host, InetAddress address, int port) {

    public Endpoint {
        if ((host == null) == (address == null)) {
            throw new IllegalArgumentException("exactly one of host and address must be given");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** @return an endpoint named by host name */
    public static Endpoint ofName(String host, int port) {
        return new Endpoint(Objects.requireNonNull(host, "host"), null, port);
    }

    /** @return an endpoint named by address */
    public static Endpoint ofAddress(InetAddress address, int port) {
        return new Endpoint(null, Objects.requireNonNull(address, "address"), port);
    }

    /** @return true when the client named the destination by host name */
    public boolean isName() {
        return host != null;
    }

    /** @return the host name, or the address in its literal form, without the port */
    public String hostText() {
        return host != null ? host : address.getHostAddress();
    }
}
