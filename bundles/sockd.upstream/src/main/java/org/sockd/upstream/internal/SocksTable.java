package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.Upstream;

/**
 * A whole, valid socks.conf.
 *
 * @param source the text file the lines come from; line numbers are lines of that file
 * @param readFrom the file actually read: the text, or its frozen form
 * @param entries the classic lines and route blocks, in file order
 * @param canonical every line that means something (declarations and settings too) in canonical
 *        form, in file order: what a dump prints and a frozen file holds
 * @param upstreams every upstream an entry can choose, each once
 * @param marking when upstreams are marked bad, after the file's {@code route.*:} lines
 * @param limits the bounds on the tries of one request
 * @param files the user and password files the lines name, so that a change of them reloads
 */
record SocksTable(String source, String readFrom, List<Entry> entries, List<NumberedLine> canonical,
        List<Upstream> upstreams, Marking marking, TryLimits limits, List<Path> files) {

    SocksTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(readFrom, "readFrom");
        entries = List.copyOf(entries);
        canonical = List.copyOf(canonical);
        upstreams = List.copyOf(upstreams);
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(limits, "limits");
        files = List.copyOf(files);
    }

    /** @return the same table, read from a frozen file */
    SocksTable readFrom(String frozen) {
        return new SocksTable(source, frozen, entries, canonical, upstreams, marking, limits, files);
    }

    List<MatchedRule> rules() {
        return entries.stream().map(entry -> entry.rule(source)).toList();
    }

    /** @return the file read, and for a frozen file the text it was made from, whose lines the entries number */
    String origin() {
        return readFrom.equals(source) ? source : readFrom + " (frozen from " + source + ")";
    }
}
