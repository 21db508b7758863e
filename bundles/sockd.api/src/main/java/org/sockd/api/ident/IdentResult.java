package org.sockd.api.ident;

import java.util.Objects;

/** What the identd on a client's host said about one connection. */
public sealed interface IdentResult {

    /**
     * identd named the owner of the connection ({@code USERID}).
     *
     * @param opsys the operating system field ({@code UNIX}, {@code OTHER}, ...)
     * @param userId the user-id, blanks around it removed
     */
    record User(String opsys, String userId) implements IdentResult {
        public User {
            Objects.requireNonNull(opsys, "opsys");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * identd answered with an error ({@code ERROR : NO-USER}, {@code HIDDEN-USER},
     * {@code INVALID-PORT}, {@code UNKNOWN-ERROR} or a private {@code X} token).
     *
     * @param error the error token as sent
     */
    record NoUser(String error) implements IdentResult {
        public NoUser {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * No usable answer: no identd, no answer in time, or an answer that is not RFC 1413.
     *
     * @param reason what happened, for the log
     */
    record Unreachable(String reason) implements IdentResult {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
