package org.sockd.api.auth;

import java.util.Objects;

/** The outcome of {@link Authenticator#authenticate}. */
public sealed interface Authentication {

    /**
     * The client proved it is {@code user}; the request goes on with this name.
     *
     * @param user the authenticated user name
     */
    record Accepted(String user) implements Authentication {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The client failed; the authenticator has answered with a failure status and the core closes
     * the connection without serving anything.
     *
     * @param user the user name the client gave, or {@code null} when it gave none
     * @param reason why, for the log; never contains a password
     */
    record Rejected(String user, String reason) implements Authentication {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
