package org.sockd.api.route;

import java.net.InetAddress;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the local address (the "interface" of a multi-homed host) that faces a destination:
 * outgoing CONNECTs leave from it and BIND listens on it. With no selector registered the host is
 * single-homed and the system chooses.
 */
@ConsumerType
public interface RouteSelector {

    /**
     * @param destination the destination address
     * @param name the host name the client gave for it, or {@code null} when it gave an address;
     *        name entries of the table match only this name
     * @return the route, or why there is none; never {@code null}
     */
    Route select(InetAddress destination, String name);

    /** @return the table in force, in file order */
    List<RouteEntry> table();
}
