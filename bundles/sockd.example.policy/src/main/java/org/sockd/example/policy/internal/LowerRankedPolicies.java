package org.sockd.example.policy.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Constants;
import org.sockd.api.access.AccessPolicy;

/**
 * The other access policies and their rankings, so that a request this policy does not refuse goes
 * to the best one ranked below it. Only lower-ranked ones are asked: two policies written like this
 * one then never hand a request back and forth.
 */
final class LowerRankedPolicies {

    /**
     * One policy and its place in the ranking.
     *
     * @param ranking its {@code service.ranking}, 0 when it has none
     * @param serviceId its {@code service.id}: at equal ranking the older service wins, as in the framework
     */
    private record Ranked(int ranking, long serviceId, AccessPolicy policy) {

        static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt(Ranked::ranking).reversed()
                .thenComparingLong(Ranked::serviceId);
    }

    private final Map<Long, Ranked> policies = new ConcurrentHashMap<>();
    private volatile boolean frozen;

    /** Adds a policy, or records its new ranking. */
    void put(Map<String, ?> properties, AccessPolicy policy) {
        long id = serviceId(properties);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        policies.put(id, new Ranked(ranking instanceof Integer value ? value : 0, id, policy));
    }

    void remove(Map<String, ?> properties) {
        // Requests already handed to this policy may still be decided after it is withdrawn; they
        // keep the policies it knew.
        if (!frozen) {
            policies.remove(serviceId(properties));
        }
    }

    /** Called when this policy is withdrawn: what it knows of the others stays as it is. */
    void freeze() {
        frozen = true;
    }

    /** @return the best policy ranked strictly below {@code ranking}, or {@code null} */
    AccessPolicy below(int ranking) {
        return policies.values().stream()
                .filter(ranked -> ranked.ranking() < ranking)
                .min(Ranked.BEST_FIRST)
                .map(Ranked::policy)
                .orElse(null);
    }

    private static long serviceId(Map<String, ?> properties) {
        return (Long) properties.get(Constants.SERVICE_ID);
    }
}
