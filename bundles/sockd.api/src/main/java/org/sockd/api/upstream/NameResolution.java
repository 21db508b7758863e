package org.sockd.api.upstream;

/** Where a destination the client named is resolved when it goes through an upstream. */
public enum NameResolution {
    /** Here: the upstream gets an address; a name that does not resolve here fails the request. */
    LOCAL,
    /** At the upstream: the name is passed on as the client gave it. */
    REMOTE,
    /** Here when the name resolves here, else at the upstream (the classic SOCKS 4A client). */
    AUTO
}
