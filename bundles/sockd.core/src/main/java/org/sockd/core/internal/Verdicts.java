package org.sockd.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.action.Action;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.protocol.Refusal;

/**
 * Turns the access policy's decision, and the ident answer where the decision asks for one, into
 * what the session does next and which rule commands run (man/sockd.conf.5, "Ident checks" and
 * "Shell commands"). Fails closed.
 */
final class Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

    /** Asks identd; called only when the matched rule's ident mode is not off. */
    @FunctionalInterface
    interface IdentCheck {
        IdentResult check() throws InterruptedException;
    }

    sealed interface Verdict {
        /** @return the commands to run about this request, in order */
        List<Action> actions();

        /** @return what the ident check found */
        IdentFinding ident();
    }

    record Proceed(List<Action> actions, IdentFinding ident) implements Verdict {
    }

    /** @param rule the rule that refuses, or {@code null} when none did (no policy, no match, a failure) */
    record Refuse(Refusal refusal, String reason, MatchedRule rule, List<Action> actions, IdentFinding ident)
            implements Verdict {

        /** @return why, as the metrics count refusals: a rule, a failed ident check, or no usable policy */
        String cause() {
            return switch (refusal) {
                case IDENT_MISMATCH, IDENT_UNREACHABLE -> "ident";
                default -> rule != null ? "rule" : "policy";
            };
        }
    }

    private Verdicts() {
    }

    static Verdict decide(AccessPolicy policy, ConnectRequest request, IdentCheck ident) throws InterruptedException {
        return verdict(ask(policy, request), request, ident);
    }

    /** @return the policy's decision; a missing or failing policy, or none given, denies with no rule */
    static Decision ask(AccessPolicy policy, ConnectRequest request) {
        if (policy == null) {
            return new Decision.Deny("no access policy registered", null);
        }
        Decision decision;
        try {
            decision = policy.decide(request);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.error("access policy {} failed; refusing the request", policy, e);
            return new Decision.Deny("access policy failed", null);
        }
        return decision != null ? decision : new Decision.Deny("access policy returned no decision", null);
    }

    /** @param decision the decision on {@code request}, which the ident answer may still overturn */
    static Verdict verdict(Decision decision, ConnectRequest request, IdentCheck ident) throws InterruptedException {
        return switch (decision) {
            case Decision.Deny deny -> new Refuse(Refusal.NOT_ALLOWED, deny.reason(), deny.rule(),
                    ruleCommand(deny.rule(), request, null), IdentFinding.NOT_ASKED);
            case Decision.Allow allow -> permit(allow, request, ident);
        };
    }

    private static Verdict permit(Decision.Allow allow, ConnectRequest request, IdentCheck ident)
            throws InterruptedException {
        return switch (allow.identMode()) {
            case OFF -> new Proceed(ruleCommand(allow.rule(), request, null), IdentFinding.NOT_ASKED);
            case LENIENT, STRICT -> checked(allow, request, ident.check());
        };
    }

    /** The decision table of "Ident checks" in man/sockd.conf.5. */
    private static Verdict checked(Decision.Allow allow, ConnectRequest request, IdentResult result) {
        MatchedRule rule = allow.rule();
        return switch (result) {
            case IdentResult.User user when agrees(user.userId(), request) -> new Proceed(
                    ruleCommand(rule, request, user.userId()), new IdentFinding(user.userId(), IdentFinding.Trouble.NONE, null));
            case IdentResult.User user -> new Refuse(Refusal.IDENT_MISMATCH, "identd names another user", rule,
                    special(allow.onIdentFailure().badId(), rule, "#BAD_ID:", request, user.userId()),
                    new IdentFinding(user.userId(), IdentFinding.Trouble.MISMATCH, null));
            case IdentResult.NoUser noUser -> unanswered(allow, request, "identd answered ERROR : " + noUser.error());
            case IdentResult.Unreachable unreachable -> unanswered(allow, request, unreachable.reason());
        };
    }

    /** Lenient goes on, after #NO_IDENTD: and then the rule's own command; strict refuses with 92. */
    private static Verdict unanswered(Decision.Allow allow, ConnectRequest request, String reason) {
        IdentFinding finding = new IdentFinding(null, IdentFinding.Trouble.UNREACHABLE, reason);
        List<Action> noIdentd = special(allow.onIdentFailure().noIdentd(), allow.rule(), "#NO_IDENTD:", request, null);
        return switch (allow.identMode()) {
            case STRICT -> new Refuse(Refusal.IDENT_UNREACHABLE, "cannot connect to identd", allow.rule(), noIdentd,
                    finding);
            default -> new Proceed(concat(noIdentd, ruleCommand(allow.rule(), request, null)), finding);
        };
    }

    /**
     * Exact and case-sensitive, as the classic strcmp. A SOCKS 5 client without a user name claims
     * nobody, so whoever identd names is taken as its user.
     */
    private static boolean agrees(String identUser, ConnectRequest request) {
        String claimed = request.authenticatedUser() != null ? request.authenticatedUser() : request.user();
        return identUser.equals(claimed) || (request.version() == SocksVersion.SOCKS5 && claimed.isEmpty());
    }

    static List<Action> ruleCommand(MatchedRule rule, ConnectRequest request, String ident) {
        if (rule == null || rule.command() == null || rule.command().isBlank()) {
            return List.of();
        }
        return List.of(new Action(rule.command(), rule.source() + ":" + rule.line(), request, ident));
    }

    private static List<Action> special(String command, MatchedRule rule, String line, ConnectRequest request,
            String ident) {
        return command == null || command.isBlank() ? List.of()
                : List.of(new Action(command, rule.source() + " " + line, request, ident));
    }

    private static List<Action> concat(List<Action> first, List<Action> second) {
        List<Action> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
