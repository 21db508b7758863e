package org.sockd.shell.internal;

import org.sockd.api.access.AccessPolicy;
import org.sockd.api.action.ActionRunner;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.log.SessionListener;
import org.sockd.api.route.RouteSelector;

/** The policy services sockd:status lists, in the order it lists them. */
enum ServiceKind {
    ACCESS_POLICY(AccessPolicy.class, true),
    AUTHENTICATOR(Authenticator.class, false),
    ROUTE_SELECTOR(RouteSelector.class, true),
    IDENT_CLIENT(IdentClient.class, true),
    ACTION_RUNNER(ActionRunner.class, true),
    SESSION_LISTENER(SessionListener.class, false);

    private final Class<?> type;
    private final boolean onlyPreferredUsed;

    /** @param onlyPreferredUsed whether the core uses one service of the kind (the preferred) rather than all */
    ServiceKind(Class<?> type, boolean onlyPreferredUsed) {
        this.type = type;
        this.onlyPreferredUsed = onlyPreferredUsed;
    }

    Class<?> type() {
        return type;
    }

    boolean onlyPreferredUsed() {
        return onlyPreferredUsed;
    }

    /** @return the interface's name, as an administrator knows the kind */
    String title() {
        return type.getSimpleName();
    }
}
