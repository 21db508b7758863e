package org.sockd.api.admin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Registered by the core: the sessions it is serving, for administration. */
@ProviderType
public interface SessionRegistry {

    /** @return a snapshot of every live session, oldest first */
    List<SessionSnapshot> sessions();

    /**
     * Closes a session's connections at once, as if it had ended.
     *
     * @param id the session id as shown by {@link #sessions()}
     * @return false when no live session has that id
     */
    boolean close(long id);

    /** @return counts since the core started */
    DaemonTotals totals();
}
