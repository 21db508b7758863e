package org.sockd.upstream.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/**
 * A valid socks.conf with the failure marks of its upstreams. The two are made and swapped
 * together, so a successful reload starts the marks afresh.
 */
record MarkedTable(SocksTable table, FailureMarks marks) implements NextHops {

    MarkedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(marks, "marks");
    }

    @Override
    public NextHop select(RequestFacts facts) {
        return Selection.select(table, facts, marks);
    }

    @Override
    public void report(Upstream upstream, TryOutcome outcome) {
        marks.report(upstream, outcome);
    }

    @Override
    public List<MatchedRule> rules() {
        return table.rules();
    }

    @Override
    public List<UpstreamHealth> health() {
        return marks.health(table.upstreams());
    }

    @Override
    public List<Path> files() {
        return table.files();
    }

    @Override
    public String title() {
        int count = size();
        return "next hops from " + table.origin() + " (" + (count == 1 ? "1 entry" : count + " entries")
                + "; no match is deny)";
    }

    @Override
    public List<String> dump() {
        return table.canonical().stream().map(line -> line.number() + ": " + line.text()).toList();
    }

    @Override
    public int size() {
        return table.entries().size();
    }
}
