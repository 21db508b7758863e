package org.sockd.launcher.internal;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;

/**
 * What keeps the daemon from serving requests as configured: the core itself, an access policy, and
 * the policies the core's configuration requires ({@code route.required}, set by -r, and its kin).
 * The core refuses while one is missing and says so through {@link Node#readiness()}, the same
 * answer {@code /health/ready} gives; this asks it from the service registry, whatever order a
 * container started the bundles in.
 */
final class RequiredServices {

    private RequiredServices() {
    }

    /** @return what is missing in the framework now, for a person to read; empty when nothing is */
    static List<String> missing(BundleContext context) {
        ServiceReference<Node> reference = context.getServiceReference(Node.class);
        Node node = reference == null ? null : context.getService(reference);
        try {
            return missing(node);
        } finally {
            if (node != null) {
                context.ungetService(reference);
            }
        }
    }

    /** @param node the core, or {@code null} while it is not registered */
    static List<String> missing(Node node) {
        if (node == null) {
            return List.of("the core");
        }
        return switch (node.readiness()) {
            case Readiness.Ready ready -> List.of();
            case Readiness.NotReady notReady -> List.of(notReady.reason());
        };
    }
}
