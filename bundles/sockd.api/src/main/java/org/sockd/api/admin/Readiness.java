package org.sockd.api.admin;

import java.util.Objects;

/** Whether a node should be sent new clients, as {@link Node#readiness()} tells it. */
public sealed interface Readiness {

    /** Listening, not draining, and every policy the configuration requires is registered. */
    record Ready() implements Readiness {
    }

    /**
     * New clients would be refused or served worse than configured.
     *
     * @param reason one line for an operator, e.g. {@code draining} or
     *        {@code route.required but no route selector is registered}
     */
    record NotReady(String reason) implements Readiness {
        public NotReady {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
