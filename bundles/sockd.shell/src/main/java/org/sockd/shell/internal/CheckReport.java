package org.sockd.shell.internal;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sockd.api.ConnectRequest;
import org.sockd.api.access.Decision;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.NextHop;

/** What sockd:check found out; Gogo prints it through {@link #toString()}. */
public sealed interface CheckReport {

    /** No access policy is registered, so the core refuses every request. */
    record NoPolicy() implements CheckReport {
        @Override
        public String toString() {
            return CheckText.check(this);
        }
    }

    /**
     * The policy in use decided the request.
     *
     * @param policy the policy's name
     * @param request the request as the client would send it, with every address its name resolved to
     * @param clientNamesLookedUp whether the policy asked for the client's host names
     * @param decision its verdict; a refusal by the destination guard when it refuses every address
     * @param guarded the addresses the destination guard refuses, each with why, in the order of the lookup
     * @param tried the addresses a permitted CONNECT would try, in order: those the rules permit
     * @param route the local address a permitted request would leave from, or empty when no route
     *        file is in use (the system chooses) or the request was refused
     * @param path the next hop socks.conf would choose for a permitted request, or empty when no
     *        socks.conf is in use (direct) or the request was refused
     */
    record Decided(String policy, ConnectRequest request, boolean clientNamesLookedUp, Decision decision,
            Map<InetAddress, String> guarded, List<InetAddress> tried, Optional<Route> route, Optional<NextHop> path)
            implements CheckReport {
        public Decided {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(decision, "decision");
            guarded = Collections.unmodifiableMap(new LinkedHashMap<>(guarded));
            tried = List.copyOf(tried);
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return CheckText.check(this);
        }
    }
}
