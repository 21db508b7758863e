package org.sockd.api.upstream;

/** How the daemon logs in to an upstream (SOCKS 5 username/password, HTTP Basic). */
public enum UpstreamAuth {
    /** No login. */
    NONE,
    /** The name and password of {@link Upstream#login()}. */
    PASSWORD,
    /**
     * The client's own RFC 1929 name and password, passed on; the core must keep the password for
     * the session, so this is only offered when the configuration allows it.
     */
    FORWARD
}
