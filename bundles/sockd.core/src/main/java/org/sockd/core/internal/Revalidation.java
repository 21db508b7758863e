package org.sockd.core.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionState;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.log.EndReason;
import org.sockd.api.protocol.Refusal;
import org.sockd.common.rules.AddressDecisions;

/**
 * Decides live sessions again against a policy, with the facts each started with: the request
 * (client, user, destination, port, command) and the ident answer it got, which stands for asking
 * identd again (man/sockd.8, "Reloading"). Only sessions past their decision count: one still being decided
 * is decided by the policy it took at its start. Fails closed, as a first decision does.
 */
final class Revalidation {

    private static final Logger LOG = LoggerFactory.getLogger(Revalidation.class);
    private static final String NOT_ASKED = "identd was not asked when the session started";

    private Revalidation() {
    }

    /** @return the sessions the policy refuses, oldest first; nothing is ended */
    static List<SessionRefusal> refused(Collection<LiveSession> sessions, AccessPolicy policy) {
        List<SessionRefusal> refused = new ArrayList<>();
        for (LiveSession session : sessions.stream().sorted(Comparator.comparingLong(LiveSession::id)).toList()) {
            LiveSession.Stage stage = session.stage();
            if (stage.state() != SessionState.WAITING && stage.state() != SessionState.RELAYING) {
                continue;
            }
            AddressDecisions.Decided decided = AddressDecisions.decide(request -> Verdicts.ask(policy, request),
                    decidedOn(session, stage.request()));
            Verdicts.Verdict verdict;
            try {
                verdict = Verdicts.verdict(decided.decision(), decided.request(), () -> recorded(stage.ident()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the ident check above never waits; nothing else can
                break;
            }
            if (verdict instanceof Verdicts.Refuse refuse) {
                AdminView.of(session).ifPresent(view -> refused.add(new SessionRefusal(view, reason(refuse))));
            }
        }
        return refused;
    }

    /** Ends the sessions the policy refuses, each with reason {@code revalidated} and a line naming the rule. */
    static List<SessionRefusal> end(Sessions sessions, AccessPolicy policy) {
        List<SessionRefusal> refused = refused(sessions.all(), policy);
        for (SessionRefusal refusal : refused) {
            LiveSession session = sessions.get(refusal.session().id());
            if (session != null) {
                LOG.info("session {} ended by revalidation: {}", session.id(), refusal.reason());
                session.closeFor(EndReason.REVALIDATED, refusal.reason());
            }
        }
        return refused;
    }

    /**
     * As a new session is: a session connected to one of its destination's addresses is decided on
     * that address alone; any other (not connected yet, or connected to a next-hop proxy) on each
     * address on its own, one of which the rules must permit. Never on "any address the name has".
     */
    private static ConnectRequest decidedOn(LiveSession session, ConnectRequest request) {
        InetSocketAddress connected = session.connected();
        return connected != null && request.resolved().contains(connected.getAddress())
                ? AddressDecisions.with(request, List.of(connected.getAddress())) : request;
    }

    private static IdentResult recorded(String ident) {
        return ident != null ? new IdentResult.User("recorded", ident) : new IdentResult.Unreachable(NOT_ASKED);
    }

    /** {@code refused by sockd.conf:3: deny ...}, or why no rule could permit it. */
    private static String reason(Verdicts.Refuse refuse) {
        MatchedRule rule = refuse.rule();
        if (rule == null) {
            return "refused: " + refuse.reason();
        }
        String where = "refused by " + rule.source() + (rule.line() > 0 ? ":" + rule.line() : "") + ": " + rule.text();
        return refuse.refusal() == Refusal.NOT_ALLOWED ? where : where + " (" + refuse.reason() + ")";
    }
}
