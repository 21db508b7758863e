package org.sockd.shell.internal;

import java.util.Objects;

/**
 * A listening socket as sockd:status shows it.
 *
 * @param address where it listens, as {@code host:port}
 * @param proxyRequired whether every connection must open with a PROXY protocol header
 * @param proxyRefused connections closed unserved for want of a valid header from a trusted balancer
 */
public record ListenerView(String address, boolean proxyRequired, long proxyRefused) {

    public ListenerView {
        Objects.requireNonNull(address, "address");
    }
}
