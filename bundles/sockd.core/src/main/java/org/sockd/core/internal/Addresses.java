package org.sockd.core.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses as people write them: {@code 127.0.0.1:1080}, {@code [::1]:1080}. */
final class Addresses {

    private Addresses() {
    }

    static String text(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
