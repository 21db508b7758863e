package org.sockd.api.route;

import java.util.Objects;

/**
 * One line of a route table, as written.
 *
 * @param source the file it was read from (or another name for where the table came from)
 * @param line the line number in that file, from 1
 * @param text the entry in canonical form: interface, destination, mask
 */
public record RouteEntry(String source, int line, String text) {
    public RouteEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
