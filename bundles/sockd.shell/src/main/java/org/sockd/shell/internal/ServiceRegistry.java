package org.sockd.shell.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.admin.Dumpable;
import org.sockd.api.admin.ListenerInfo;
import org.sockd.api.admin.GuardedDestinations;
import org.sockd.api.admin.Node;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.admin.RegistrationOrder;

/** The {@link Registry} of the running framework. Public only because Felix SCR calls public constructors alone. */
@Component(service = Registry.class)
public final class ServiceRegistry implements Registry {

    /** What SCR names every component service by (ComponentConstants.COMPONENT_NAME, without the dependency). */
    private static final String COMPONENT_NAME = "component.name";

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Reloadable> reloadables;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, AccessPolicy>> policies;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, Dumpable>> dumpables;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile SessionRegistry sessions;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile DaemonMetrics metrics;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile Node node;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile GuardedDestinations guard;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile RouteSelector routes;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    private volatile UpstreamSelector upstreams;

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

    @Override
    public List<RegisteredService> services() {
        List<RegisteredService> services = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            for (ServiceReference<?> reference : references(kind.type())) {
                services.add(registered(kind, reference::getProperty));
            }
        }
        return services;
    }

    @Override
    public List<ListenerView> listeners() {
        return references(ListenerInfo.class).stream().map(this::listener)
                .sorted(Comparator.comparing(ListenerView::address)).toList();
    }

    /** The count is read from the service itself, since it changes with every refusal. */
    @SuppressWarnings("unchecked")
    private ListenerView listener(ServiceReference<?> reference) {
        String address = Objects.toString(reference.getProperty(ListenerInfo.ADDRESS), "?");
        if (!"required".equals(reference.getProperty(ListenerInfo.PROXY_PROTOCOL))) {
            return new ListenerView(address, false, 0);
        }
        ServiceReference<ListenerInfo> typed = (ServiceReference<ListenerInfo>) reference;
        ListenerInfo listener = context.getService(typed);
        try {
            return new ListenerView(address, true, listener == null ? 0 : listener.proxyHeadersRefused());
        } finally {
            if (listener != null) {
                context.ungetService(typed);
            }
        }
    }

    @Override
    public Optional<SessionRegistry> sessions() {
        return Optional.ofNullable(sessions);
    }

    @Override
    public Optional<DaemonMetrics> metrics() {
        return Optional.ofNullable(metrics);
    }

    @Override
    public Optional<Node> node() {
        return Optional.ofNullable(node);
    }

    @Override
    public Optional<GuardedDestinations> guard() {
        return Optional.ofNullable(guard);
    }

    @Override
    public Optional<RouteSelector> routes() {
        return Optional.ofNullable(routes);
    }

    @Override
    public Optional<UpstreamSelector> upstreams() {
        return Optional.ofNullable(upstreams);
    }

    @Override
    public List<Dumpable> dumpables() {
        return RegistrationOrder.of(dumpables);
    }

    @Override
    public String version() {
        return context.getBundle().getVersion().toString();
    }

    @Override
    public Optional<Instant> started() {
        return ProcessHandle.current().info().startInstant();
    }

    private PolicyService describe(Map.Entry<Map<String, Object>, AccessPolicy> service) {
        return new PolicyService(service.getValue(), registered(ServiceKind.ACCESS_POLICY, service.getKey()::get));
    }

    /** @param property the service's properties, by key */
    private RegisteredService registered(ServiceKind kind, Function<String, Object> property) {
        Object name = property.apply(AccessPolicy.NAME);
        if (name == null) {
            name = property.apply(COMPONENT_NAME);
        }
        return new RegisteredService(kind, Objects.toString(name, "(unnamed)"),
                ranking(property.apply(Constants.SERVICE_RANKING)), (Long) property.apply(Constants.SERVICE_ID),
                bundle(context.getBundle((Long) property.apply(Constants.SERVICE_BUNDLEID))));
    }

    /** The framework counts a ranking that is not an Integer as 0, and so does the core. */
    private static int ranking(Object property) {
        return property instanceof Integer value ? value : 0;
    }

    /** @return the services this bundle can use (wired to the same API), none when there are none */
    private Collection<ServiceReference<?>> references(Class<?> type) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences(type.getName(), null);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }

    /** @param bundle the bundle, or {@code null} when the service went away meanwhile */
    private static String bundle(Bundle bundle) {
        return bundle == null ? "?" : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }
}
