package org.sockd.api.access;

import org.osgi.annotation.versioning.ConsumerType;
import org.sockd.api.ConnectRequest;

/**
 * Decides whether a request is permitted. The core uses the highest-ranked policy registered and
 * refuses every request while none is registered.
 */
@ConsumerType
public interface AccessPolicy {

    /** Service property: a short human-readable name of the policy, for administration. */
    String NAME = "sockd.policy.name";

    /**
     * Service property (Boolean, or the String {@code "true"}): when the core takes this policy into
     * use, it decides every live session again by it and ends those it refuses, as
     * {@code sockd:reload --revalidate} does. Absent or any other value: live sessions go on under
     * the policy they started with.
     */
    String REVALIDATE = "sockd.revalidate";

    /**
     * Decides one request. Must be fast and must not block on I/O. Any exception thrown is taken
     * by the core as a refusal.
     *
     * @param request the request, with its destination already resolved
     * @return the verdict, never {@code null}
     */
    Decision decide(ConnectRequest request);

    /**
     * Whether this policy matches clients by host name. The core then looks up the client's
     * forward-confirmed reverse names (with a deadline) and passes them in
     * {@link ConnectRequest#clientNames()}; otherwise that list is empty and no lookup is made.
     *
     * @return true when decisions depend on the client's host names
     */
    default boolean needsClientNames() {
        return false;
    }
}
