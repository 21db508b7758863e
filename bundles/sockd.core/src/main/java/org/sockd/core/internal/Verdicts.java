package org.sockd.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.protocol.Refusal;

/** Turns the access policy's decision into what the session does next, failing closed. */
final class Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

    sealed interface Verdict {
    }

    record Proceed() implements Verdict {
    }

    record Refuse(Refusal refusal, String reason) implements Verdict {
    }

    private Verdicts() {
    }

    static Verdict decide(AccessPolicy policy, ConnectRequest request) {
        if (policy == null) {
            return new Refuse(Refusal.NOT_ALLOWED, "no access policy registered");
        }
        Decision decision;
        try {
            decision = policy.decide(request);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.error("access policy {} failed; refusing the request", policy, e);
            return new Refuse(Refusal.NOT_ALLOWED, "access policy failed");
        }
        return switch (decision) {
            case Decision.Deny deny -> new Refuse(Refusal.NOT_ALLOWED, deny.reason());
            // No ident client exists yet, so identd counts as unreachable: strict refuses, lenient goes on.
            case Decision.Allow allow when allow.identMode() == IdentMode.STRICT ->
                new Refuse(Refusal.IDENT_UNREACHABLE, "cannot connect to identd");
            case Decision.Allow allow -> new Proceed();
            case null -> new Refuse(Refusal.NOT_ALLOWED, "access policy returned no decision");
        };
    }
}
