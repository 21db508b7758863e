package org.sockd.launcher.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.UpstreamSelector;

/**
 * The services without which the daemon refuses every request as configured: an access policy,
 * and the selectors the core's configuration requires ({@code route.required}, set by -r, and its
 * kin). The core refuses while one is missing; this tells when it no longer must, from the service
 * registry, whatever order a container started the bundles in. The core publishes its
 * configuration as properties of its services, which is where the flags are read.
 */
final class RequiredServices {

    private RequiredServices() {
    }

    /** @return what is missing in the framework now, for a person to read; empty when nothing is */
    static List<String> missing(BundleContext context) {
        ServiceReference<SessionRegistry> core = context.getServiceReference(SessionRegistry.class);
        return missing(type -> context.getServiceReference(type) != null, core == null ? null : core::getProperty);
    }

    /**
     * @param registered whether a service of the type is registered
     * @param core the core's service properties by name, or {@code null} while the core is not registered
     */
    static List<String> missing(Predicate<Class<?>> registered, Function<String, Object> core) {
        List<String> missing = new ArrayList<>();
        if (core == null) {
            missing.add("the core");
        }
        if (!registered.test(AccessPolicy.class)) {
            missing.add("an access policy");
        }
        if (core != null) {
            requireIf(core, "auth.required", Authenticator.class, "an authenticator", registered, missing);
            requireIf(core, "route.required", RouteSelector.class, "a route selector", registered, missing);
            requireIf(core, "upstream.required", UpstreamSelector.class, "an upstream selector", registered, missing);
        }
        return missing;
    }

    private static void requireIf(Function<String, Object> core, String flag, Class<?> type, String what,
            Predicate<Class<?>> registered, List<String> missing) {
        Object value = core.apply(flag);
        boolean required = Boolean.TRUE.equals(value) || "true".equals(value);
        if (required && !registered.test(type)) {
            missing.add(what + " (" + flag + ")");
        }
    }
}
