package org.sockd.api.upstream;

/** How one try of an upstream ended, as reported by {@link UpstreamSelector#report}. */
public enum TryOutcome {
    /**
     * The upstream accepted: connected, logged in where it asks, and replied success (SOCKS 4
     * reply 90, SOCKS 5 {@code 0x00}, HTTP 2xx). Clears its failure count.
     */
    ACCEPTED,
    /**
     * The upstream refused the request itself (SOCKS 4 reply 91, SOCKS 5 {@code 0x02} to
     * {@code 0x06}, HTTP 403): final for the request, and no fault of the upstream, so it clears
     * its failure count.
     */
    REFUSED,
    /**
     * The upstream failed: no connection, closed or reset before a full reply, bad reply bytes, no
     * acceptable method, a rejected login, SOCKS 4 reply 92 or 93, SOCKS 5 {@code 0x01} for CONNECT,
     * {@code 0x07} or {@code 0x08}, an unknown code, or an HTTP status other than 2xx and 403. The
     * next upstream is tried; the failure counts towards marking this one bad.
     */
    FAILED
}
