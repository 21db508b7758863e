package org.sockd.api.admin;

import java.util.List;
import java.util.OptionalInt;
import org.osgi.annotation.versioning.ProviderType;
import org.sockd.api.access.AccessPolicy;

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

    /**
     * @return the sessions the core serves at once, further clients being closed at accept: the
     *         configured cap, or the one the process's descriptor limit allows
     */
    int sessionCap();

    /**
     * @return while new clients are closed at accept for want of heap ({@code heap.shed.percent}),
     *         the percentage of the old generation that live data filled after the last collection;
     *         empty while they are served
     */
    OptionalInt heapShedding();

    /** @return counts since the core started */
    DaemonTotals totals();

    /**
     * Decides every live session that is past its decision again, by the access policy in force,
     * with the facts it started with (client, user, ident answer, destination, port, command); ends
     * those it now refuses and leaves the others untouched. Identd is not asked again: the answer
     * the session got stands, and a session that got none counts as one identd did not answer.
     *
     * @return the sessions ended, each with the rule or reason that refuses it
     */
    List<SessionRefusal> revalidate();

    /**
     * As {@link #revalidate()} by a candidate policy, ending nothing: which live sessions it would end.
     *
     * @param candidate the policy to decide by, e.g. a {@link org.sockd.api.access.Preview.Ready}'s
     * @return the sessions it refuses
     */
    List<SessionRefusal> refusedBy(AccessPolicy candidate);

    /** @return whether every reload, SIGHUP included, also revalidates (core {@code reload.revalidate}) */
    boolean revalidatesOnReload();
}
