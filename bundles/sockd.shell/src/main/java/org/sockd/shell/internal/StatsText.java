package org.sockd.shell.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sockd.api.metrics.Histogram;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;

/** How sockd:stats reads: the counters of /metrics (man/sockd.8), for a person. */
final class StatsText {

    private StatsText() {
    }

    static String of(MetricsSnapshot s) {
        List<String> lines = new ArrayList<>();
        lines.add("sockd " + s.version() + ", counting since " + s.started().truncatedTo(ChronoUnit.SECONDS)
                + (s.draining() ? ", draining" : ""));
        lines.add("sessions:      " + s.accepted() + " started, " + s.active() + " live");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"version", "command", "result", "ended"});
        s.sessions().stream()
                .sorted(Comparator.comparing(SessionCount::version).thenComparing(SessionCount::command)
                        .thenComparing(SessionCount::result))
                .forEach(c -> rows.add(new String[] {c.version(), c.command(), c.result(), String.valueOf(c.count())}));
        lines.addAll(Text.table(rows, "  ", new boolean[] {false, false, false, true}));
        lines.add("refused:       " + counts(s.refusals()));
        lines.add("auth failures: " + s.authFailures());
        lines.add("bytes:         " + s.bytesFromClients() + " from clients, " + s.bytesToClients() + " to clients");
        lines.add("handshake:     " + durations(s.handshakeSeconds()));
        lines.add("connect:       " + durations(s.connectSeconds()));
        lines.add("udp:           " + s.udpFromClients() + " datagrams from clients, " + s.udpToClients()
                + " to clients; dropped: " + counts(s.udpDropped()));
        lines.add("reloads:       " + s.reloadsSucceeded() + " succeeded, " + s.reloadsFailed() + " failed"
                + (s.lastReload() == null ? "" : ", last at " + s.lastReload().truncatedTo(ChronoUnit.SECONDS)));
        return String.join("\n", lines);
    }

    private static String counts(Map<String, Long> byName) {
        return new TreeMap<>(byName).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String durations(Histogram histogram) {
        long count = histogram.count();
        return count == 0 ? "none yet"
                : String.format(Locale.ROOT, "%d, mean %.3f s", count, histogram.sum() / count);
    }
}
