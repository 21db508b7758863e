package org.sockd.api.admin;

/** Where a live session is in its life, as {@code sockd:sessions} shows it. */
public enum SessionState {
    /** The request is still being read (version, method negotiation, authentication). */
    HANDSHAKE,
    /** The request was read: its name is being resolved, the access policy and identd asked. */
    DECIDING,
    /** A BIND is waiting for the incoming connection. */
    WAITING,
    /** Bytes or datagrams are being relayed. */
    RELAYING
}
