package org.sockd.route.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.common.net.AddressText;

/** A whole, valid route file: the first line whose destination matches gives the interface. */
final class RouteTable implements Routes {

    private final String source;
    private final String readFrom;
    private final List<RouteLine> lines;
    /** Made once, so a lookup allocates nothing but the address bytes. */
    private final List<Route.Via> routes;

    /** A table read from its text file. */
    RouteTable(String source, List<RouteLine> lines) {
        this(source, source, lines);
    }

    /**
     * @param source the text file the lines come from; their numbers are lines of that file
     * @param readFrom the file actually read: the text, or its frozen form
     */
    RouteTable(String source, String readFrom, List<RouteLine> lines) {
        this.source = Objects.requireNonNull(source, "source");
        this.readFrom = Objects.requireNonNull(readFrom, "readFrom");
        this.lines = List.copyOf(lines);
        this.routes = this.lines.stream()
                .map(line -> new Route.Via(line.local(), new RouteEntry(source, line.line(), line.text())))
                .toList();
    }

    String source() {
        return source;
    }

    List<RouteLine> lines() {
        return lines;
    }

    @Override
    public Route select(InetAddress destination, String name) {
        byte[] address = destination.getAddress();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(address, name)) {
                return routes.get(i);
            }
        }
        return new Route.NoRoute("Cannot find appropriate interface to communicate with " + AddressText.of(destination));
    }

    @Override
    public List<RouteEntry> entries() {
        return routes.stream().map(Route.Via::entry).toList();
    }

    /** @return the file read, and for a frozen file the text it was made from, whose lines the entries number */
    String origin() {
        return readFrom.equals(source) ? source : readFrom + " (frozen from " + source + ")";
    }

    @Override
    public String title() {
        return "routes from " + origin();
    }
}
