package org.sockd.common.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Services in the order they were registered, whatever their ranking: how administration lists
 * services that are all used (every {@link org.sockd.api.admin.Dumpable}), so that each list reads the same.
 */
public final class RegistrationOrder {

    /** The framework's service property (org.osgi.framework.Constants.SERVICE_ID), a Long. */
    private static final String SERVICE_ID = "service.id";

    private RegistrationOrder() {
    }

    /** @param services each service with its properties, as Declarative Services injects them */
    public static <S> List<S> of(List<Map.Entry<Map<String, Object>, S>> services) {
        return services.stream()
                .sorted(Comparator.comparingLong(service -> (Long) service.getKey().get(SERVICE_ID)))
                .map(Map.Entry::getValue)
                .toList();
    }
}
