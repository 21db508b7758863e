package org.sockd.shell.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.admin.Reloadable;

/** The {@link Registry} of the running framework. Public only because Felix SCR calls public constructors alone. */
@Component(service = Registry.class)
public final class ServiceRegistry implements Registry {

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Reloadable> reloadables;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, AccessPolicy>> policies;

    private final BundleContext context;

    @Activate
    public ServiceRegistry(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<Reloadable> reloadables() {
        return List.copyOf(reloadables);
    }

    @Override
    public List<PolicyService> policies() {
        return policies.stream().map(this::describe).toList();
    }

    private PolicyService describe(Map.Entry<Map<String, Object>, AccessPolicy> service) {
        Map<String, Object> properties = service.getKey();
        // The framework counts a ranking that is not an Integer as 0, and so does the core.
        int ranking = properties.get(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
        return new PolicyService(service.getValue(), Objects.toString(properties.get(AccessPolicy.NAME), "(unnamed)"), ranking,
                (Long) properties.get(Constants.SERVICE_ID), bundle((Long) properties.get(Constants.SERVICE_BUNDLEID)));
    }

    private String bundle(long id) {
        Bundle bundle = context.getBundle(id);
        return (bundle == null ? "?" : bundle.getSymbolicName()) + " [" + id + "]";
    }
}
