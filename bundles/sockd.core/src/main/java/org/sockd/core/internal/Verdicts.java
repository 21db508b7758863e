package org.sockd.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.action.Action;
import org.sockd.api.protocol.Refusal;

/**
 * Turns the access policy's decision into what the session does next, failing closed, and into
 * the shell commands the classic rules run for it (spec/sockd-conf.md §5-§7).
 */
final class Verdicts {

    private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

    sealed interface Verdict {
        /** @return the commands to run about this request, in order */
        List<Action> actions();
    }

    record Proceed(List<Action> actions) implements Verdict {
    }

    record Refuse(Refusal refusal, String reason, List<Action> actions) implements Verdict {
    }

    private Verdicts() {
    }

    static Verdict decide(AccessPolicy policy, ConnectRequest request) {
        if (policy == null) {
            return new Refuse(Refusal.NOT_ALLOWED, "no access policy registered", List.of());
        }
        Decision decision;
        try {
            decision = policy.decide(request);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.error("access policy {} failed; refusing the request", policy, e);
            return new Refuse(Refusal.NOT_ALLOWED, "access policy failed", List.of());
        }
        return switch (decision) {
            case Decision.Deny deny -> new Refuse(Refusal.NOT_ALLOWED, deny.reason(), ruleCommand(deny.rule(), request));
            case Decision.Allow allow -> permit(allow, request);
            case null -> new Refuse(Refusal.NOT_ALLOWED, "access policy returned no decision", List.of());
        };
    }

    /**
     * No ident client exists yet, so identd counts as unreachable: strict refuses (code 92) and
     * runs the {@code #NO_IDENTD:} command only; lenient runs it and then the rule's own command.
     */
    private static Verdict permit(Decision.Allow allow, ConnectRequest request) {
        List<Action> noIdentd = special(allow.onIdentFailure().noIdentd(), allow.rule(), "#NO_IDENTD:", request);
        return switch (allow.identMode()) {
            case OFF -> new Proceed(ruleCommand(allow.rule(), request));
            case LENIENT -> new Proceed(concat(noIdentd, ruleCommand(allow.rule(), request)));
            case STRICT -> new Refuse(Refusal.IDENT_UNREACHABLE, "cannot connect to identd", noIdentd);
        };
    }

    private static List<Action> ruleCommand(MatchedRule rule, ConnectRequest request) {
        if (rule == null || rule.command() == null || rule.command().isBlank()) {
            return List.of();
        }
        return List.of(new Action(rule.command(), rule.source() + ":" + rule.line(), request, null));
    }

    private static List<Action> special(String command, MatchedRule rule, String line, ConnectRequest request) {
        return command == null || command.isBlank() ? List.of()
                : List.of(new Action(command, rule.source() + " " + line, request, null));
    }

    private static List<Action> concat(List<Action> first, List<Action> second) {
        List<Action> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
