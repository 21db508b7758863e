package org.sockd.shell.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.AccessPolicy;

/**
 * A registered {@link AccessPolicy} with what administration shows of it.
 *
 * @param policy the service
 * @param name its {@value AccessPolicy#NAME} property
 * @param ranking its {@code service.ranking}
 * @param serviceId its {@code service.id}
 * @param bundle the bundle that registered it, for display
 */
public record PolicyService(AccessPolicy policy, String name, int ranking, long serviceId, String bundle) {

    /** The core's greedy choice: the highest ranking, then the earliest registered (lowest id). */
    private static final Comparator<PolicyService> PREFERRED_FIRST =
            Comparator.comparingInt(PolicyService::ranking).reversed().thenComparingLong(PolicyService::serviceId);

    public PolicyService {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** @return the policies with the one the core uses first */
    static List<PolicyService> preferredFirst(Collection<PolicyService> policies) {
        return policies.stream().sorted(PREFERRED_FIRST).toList();
    }
}
