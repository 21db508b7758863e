package org.sockd.route.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.common.net.AddressText;
import org.sockd.common.reload.FileError;

/**
 * The route file had errors when the daemon started, so there is no table yet. Every lookup fails:
 * falling back to the system's choice could hand a client an address the far side cannot reach.
 *
 * @param file the route file
 * @param errors what is wrong with it, at least one
 */
record UnusableRoutes(String file, List<FileError> errors) implements Routes {

    UnusableRoutes {
        Objects.requireNonNull(file, "file");
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an unusable file has at least one error");
        }
    }

    @Override
    public Route select(InetAddress destination, String name) {
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return new Route.NoRoute("route file " + file + " has errors: " + errors.get(0) + more + "; no route to "
                + AddressText.of(destination));
    }

    @Override
    public List<RouteEntry> entries() {
        return List.of();
    }

    @Override
    public String title() {
        return "no routes: " + file + " has errors; every lookup fails until a reload succeeds";
    }
}
