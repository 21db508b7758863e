package org.sockd.route.internal;

import java.net.InetAddress;
import java.util.List;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;

/** What the selector answers from: a loaded table, or a file that never loaded. */
sealed interface Routes permits RouteTable, UnusableRoutes {

    /** @see org.sockd.api.route.RouteSelector#select */
    Route select(InetAddress destination, String name);

    /** @return the table in force, in file order */
    List<RouteEntry> entries();

    /** @return where the routes come from, for the dump heading */
    String title();
}
