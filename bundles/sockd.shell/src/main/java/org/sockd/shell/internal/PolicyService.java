package org.sockd.shell.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.AccessPolicy;

/**
 * A registered {@link AccessPolicy}: the service, for sockd:check to ask, and what administration
 * shows of it.
 *
 * @param policy the service
 * @param service its registration, of kind {@link ServiceKind#ACCESS_POLICY}
 */
public record PolicyService(AccessPolicy policy, RegisteredService service) {

    public PolicyService {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(service, "service");
    }

    /** @return the policies with the one the core uses first */
    static List<PolicyService> preferredFirst(Collection<PolicyService> policies) {
        return policies.stream().sorted(Comparator.comparing(PolicyService::service, RegisteredService.PREFERRED_FIRST))
                .toList();
    }
}
