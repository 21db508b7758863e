package org.sockd.route.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import org.sockd.common.net.AddressText;

/**
 * One valid line of a route file.
 *
 * @param line the 1-based line number in the text file
 * @param local the interface address ({@code if_addr})
 * @param destination the destination and mask ({@code dst_addr dst_mask})
 */
record RouteLine(int line, InetAddress local, Destination destination) {

    RouteLine {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(destination, "destination");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, not " + line);
        }
    }

    /**
     * Only a destination of the interface's own family can be reached from it, so a name entry
     * needs that too: write one line per family when a name has both kinds of address.
     */
    boolean matches(byte[] address, String name) {
        return (address.length == 4) == (local instanceof Inet4Address) && destination.matches(address, name);
    }

    /** @return the line in canonical form: interface, destination, mask */
    String text() {
        return AddressText.of(local) + " " + destination.text();
    }
}
