package org.sockd.api.admin;

import java.util.Objects;

/**
 * A live session that the rules now in force, or a candidate set of rules, refuse when it is
 * decided again with the facts it started with.
 *
 * @param session the session as it was when decided again
 * @param reason what refuses it: the rule, as {@code file:line: text}, or why no rule permits it
 */
public record SessionRefusal(SessionSnapshot session, String reason) {
    public SessionRefusal {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(reason, "reason");
    }
}
