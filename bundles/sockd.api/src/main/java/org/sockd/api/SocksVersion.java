package org.sockd.api;

/** The SOCKS protocol dialect a client spoke. */
public enum SocksVersion {
    /** SOCKS 4: the destination is an IPv4 address. */
    SOCKS4,
    /** SOCKS 4A: the client left name resolution to the server. */
    SOCKS4A,
    /** SOCKS 5 (RFC 1928). */
    SOCKS5
}
