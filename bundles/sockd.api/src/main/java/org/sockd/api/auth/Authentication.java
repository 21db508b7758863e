package org.sockd.api.auth;

import java.util.Objects;

/** The outcome of {@link Authenticator#authenticate}. */
public sealed interface Authentication {

    /**
     * The client proved it is {@code user}; the request goes on with this name.
     *
     * @param user the authenticated user name
     * @param password the password the client proved it with, only where the authenticator is
     *        configured to hand it over, so that the core can pass it on to an upstream that
     *        forwards the client's own login (socks.conf {@code auth=forward}); else {@code null}.
     *        {@link #toString()} never shows it.
     */
    record Accepted(String user, String password) implements Authentication {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }

        /** The user only: the password stays with the authenticator. */
        public Accepted(String user) {
            this(user, null);
        }

        @Override
        public String toString() {
            return "Accepted[user=" + user + (password == null ? "" : ", password=(hidden)") + "]";
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
