package org.sockd.api.protocol;

import java.util.Objects;

/** The outcome of reading a client's handshake. */
public sealed interface Handshake {

    /**
     * A complete request was read; the core must answer it with {@link ProtocolHandler#reply}.
     *
     * @param request the request
     * @param authenticatedUser the user an authenticator accepted, or {@code null} when the client
     *        did not authenticate
     */
    record Received(SocksRequest request, String authenticatedUser) implements Handshake {
        public Received {
            Objects.requireNonNull(request, "request");
        }

        /** A request from a client that did not authenticate. */
        public Received(SocksRequest request) {
            this(request, null);
        }
    }

    /**
     * The client broke the protocol or gave up. The handler has already written whatever reply the
     * protocol requires; the core closes the connection.
     *
     * @param message what went wrong, for the log
     */
    record Rejected(String message) implements Handshake {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
