package org.sockd.shell.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A registered policy service of one of the kinds sockd:status lists.
 *
 * @param kind what it is
 * @param name its {@value org.sockd.api.access.AccessPolicy#NAME} property, else its component name
 * @param ranking its {@code service.ranking}
 * @param serviceId its {@code service.id}
 * @param bundle the bundle that registered it, for display
 */
public record RegisteredService(ServiceKind kind, String name, int ranking, long serviceId, String bundle) {

    /** The core's greedy choice: the highest ranking, then the earliest registered (lowest id). */
    static final Comparator<RegisteredService> PREFERRED_FIRST =
            Comparator.comparingInt(RegisteredService::ranking).reversed().thenComparingLong(RegisteredService::serviceId);

    /** By kind, then as the core prefers. */
    private static final Comparator<RegisteredService> DISPLAY_ORDER =
            Comparator.comparing(RegisteredService::kind).thenComparing(PREFERRED_FIRST);

    public RegisteredService {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** @return the services grouped by kind, each kind's preferred service first */
    static List<RegisteredService> inDisplayOrder(Collection<RegisteredService> services) {
        return services.stream().sorted(DISPLAY_ORDER).toList();
    }
}
