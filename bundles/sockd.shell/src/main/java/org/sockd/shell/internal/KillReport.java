package org.sockd.shell.internal;

import java.util.Objects;
import org.sockd.api.admin.SessionSnapshot;

/**
 * What sockd:kill closed; Gogo prints it through {@link #toString()}.
 *
 * @param session the session as it was just before it was closed
 */
public record KillReport(SessionSnapshot session) {

    public KillReport {
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return SessionText.kill(this);
    }
}
