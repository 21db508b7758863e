package org.sockd.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sockd.api.admin.SessionSnapshot;

/**
 * The live sessions for sockd:sessions; Gogo prints it through {@link #toString()}.
 *
 * @param sessions the sessions, oldest first
 * @param now when they were listed, for their age
 */
public record SessionTable(List<SessionSnapshot> sessions, Instant now) {

    public SessionTable {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(now, "now");
    }

    @Override
    public String toString() {
        return SessionText.sessions(this);
    }
}
