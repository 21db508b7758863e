package org.sockd.core.internal;

import org.sockd.api.admin.Readiness;

/**
 * Whether new clients would be served as configured. It reads the stand-ins that the core puts in
 * place of a required policy that is missing ({@link Unavailable}), so that "ready" and "what a
 * session gets" cannot disagree.
 */
final class ReadinessCheck {

    private ReadinessCheck() {
    }

    static Readiness of(Policies policies, boolean draining) {
        if (draining) {
            return new Readiness.NotReady("draining");
        }
        if (policies.access() == null) {
            return new Readiness.NotReady("no access policy is registered: every request is refused");
        }
        if (policies.authenticators().contains(Unavailable.AUTHENTICATOR)) {
            return new Readiness.NotReady("sockd.core auth.required is set but no authenticator is registered");
        }
        if (policies.routes() == Unavailable.ROUTES) {
            return new Readiness.NotReady("sockd.core route.required is set but no route selector is registered");
        }
        if (policies.upstreams() == Unavailable.UPSTREAMS) {
            return new Readiness.NotReady("sockd.core upstream.required is set but no upstream selector is registered");
        }
        return new Readiness.Ready();
    }
}
