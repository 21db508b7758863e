package org.sockd.common.rules;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;

/**
 * Decides each address of a destination on its own, so that one permitted address of a name
 * cannot carry the others through (man/sockd.conf.5, "Addresses and masks"); the core decides
 * requests so, and sockd:check shows what the core would do. The policy sees one request
 * per address, each with the name the client gave, so name rules still match the name. Only the
 * permitted addresses are kept, in the resolver's order; the request is then settled once, by the
 * decision on the first of them, so that ident is asked and the rule's command runs once per
 * request, not once per address.
 */
public final class AddressDecisions {

    /**
     * @param decision what settles the request: the decision on its first permitted address, or
     *        when none is permitted on its first address; {@code null} when the policy gave none
     * @param request the request as decided: when an address was permitted, with only the
     *        permitted addresses, the ones the core may connect or send to
     */
    public record Decided(Decision decision, ConnectRequest request) {
    }

    private AddressDecisions() {
    }

    /** A destination with no address (a name that did not resolve) is decided once, as it is. */
    public static Decided decide(Function<ConnectRequest, Decision> policy, ConnectRequest request) {
        if (request.resolved().size() < 2) {
            return new Decided(policy.apply(request), request);
        }
        List<InetAddress> all = request.resolved();
        ConnectRequest first = only(request, all.getFirst());
        Decision firstDecision = policy.apply(first);
        List<InetAddress> permitted = new ArrayList<>();
        Decision settling = null;
        for (int i = 0; i < all.size(); i++) {
            Decision decision = i == 0 ? firstDecision : policy.apply(only(request, all.get(i)));
            if (decision instanceof Decision.Allow) {
                permitted.add(all.get(i));
                settling = settling == null ? decision : settling;
            }
        }
        // every address refused: the first one's decision stands for the request, as it would alone
        return permitted.isEmpty() ? new Decided(firstDecision, first)
                : new Decided(settling, with(request, permitted));
    }

    private static ConnectRequest only(ConnectRequest request, InetAddress address) {
        return with(request, List.of(address));
    }

    /** @return the same request with these addresses */
    public static ConnectRequest with(ConnectRequest request, List<InetAddress> addresses) {
        return new ConnectRequest(request.client(), request.version(), request.command(), request.destination(),
                addresses, request.user(), request.authenticatedUser(), request.clientNames());
    }
}
