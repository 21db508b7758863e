package org.sockd.api.protocol;

/** Why a request is answered with a failure; each handler maps it to its own reply code. */
public enum Refusal {
    /** The access rules refused the request. */
    NOT_ALLOWED,
    /** Strict ident checking could not reach identd on the client host. */
    IDENT_UNREACHABLE,
    /** identd on the client host named a different user. */
    IDENT_MISMATCH,
    /** An internal error. */
    GENERAL_FAILURE,
    /** The destination network is unreachable. */
    NETWORK_UNREACHABLE,
    /** The destination host is unreachable, its name did not resolve, or connecting timed out. */
    HOST_UNREACHABLE,
    /** The destination refused the connection. */
    CONNECTION_REFUSED,
    /** The command is valid but not offered by this daemon. */
    COMMAND_NOT_SUPPORTED,
    /** The address type is valid but not offered by this daemon. */
    ADDRESS_TYPE_NOT_SUPPORTED
}
