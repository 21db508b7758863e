package org.sockd.api.upstream;

/** The protocol spoken to an upstream server. */
public enum UpstreamProtocol {
    /** SOCKS 4: CONNECT or BIND to an IPv4 address, with a user-id. */
    SOCKS4("socks4"),
    /** SOCKS 4A: SOCKS 4 that may pass a destination name on for the upstream to resolve. */
    SOCKS4A("socks4a"),
    /** SOCKS 5 (RFC 1928), with no login or username/password login (RFC 1929). */
    SOCKS5("socks5"),
    /** HTTP CONNECT; it cannot BIND. */
    HTTP("http");

    private final String scheme;

    UpstreamProtocol(String scheme) {
        this.scheme = scheme;
    }

    /** @return the scheme as written in socks.conf, e.g. {@code socks5} */
    public String scheme() {
        return scheme;
    }
}
