package org.sockd.api.route;

import java.net.InetAddress;
import java.util.Objects;

/** The outcome of {@link RouteSelector#select}. */
public sealed interface Route {

    /**
     * Use this local address.
     *
     * @param local the interface address to leave from or listen on
     * @param entry the table entry that chose it
     */
    record Via(InetAddress local, RouteEntry entry) implements Route {
        public Via {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * No entry matches: the request fails; there is no fallback to another interface.
     *
     * @param reason for the log, e.g. {@code Cannot find appropriate interface to communicate with 10.1.2.3}
     */
    record NoRoute(String reason) implements Route {
        public NoRoute {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
