package org.sockd.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;
import org.sockd.core.internal.udp.UdpCounters;

/**
 * The core's counters for monitoring (man/sockd.8, "Health checks and metrics"). Every label value
 * comes from a short fixed set, never from a user or an address.
 */
final class Tally {

    /** Handshakes are a few round trips on a local network; slow ones are clients in trouble. */
    static final double[] HANDSHAKE_BOUNDS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};
    /** Includes resolving, deciding, ident and dialling (maybe through upstreams), up to connect.timeout.ms. */
    static final double[] CONNECT_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    /** Every cause {@link Exchange#refuse} and the dispatcher count, shown from the start with 0. */
    static final List<String> REFUSAL_CAUSES = List.of("rule", "guard", "destination", "ident", "auth", "upstream", "policy", "limit",
            "drain", "heap");
    private static final UdpCounters NO_DATAGRAMS = new UdpCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private record Outcome(String version, String command, String result) {
    }

    private final ConcurrentHashMap<Outcome, LongAdder> ended = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final LongAdder authFailures = new LongAdder();
    private final Buckets handshake = new Buckets(HANDSHAKE_BOUNDS);
    private final Buckets connect = new Buckets(CONNECT_BOUNDS);
    private final LongAdder udpFromClients = new LongAdder();
    private final LongAdder udpToClients = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> udpDropped = new ConcurrentHashMap<>();
    private final LongAdder reloadsSucceeded = new LongAdder();
    private final LongAdder reloadsFailed = new LongAdder();
    private volatile Instant lastReload;

    /** Every cause and reason is counted from 0, so that a monitor sees each series before its first increment. */
    Tally() {
        REFUSAL_CAUSES.forEach(cause -> refusals.put(cause, new LongAdder()));
        NO_DATAGRAMS.everyReason().keySet().forEach(reason -> udpDropped.put(reason, new LongAdder()));
    }

    void ended(String version, String command, String result) {
        ended.computeIfAbsent(new Outcome(version, command, result), key -> new LongAdder()).increment();
    }

    /** @param reason one of the reasons {@link MetricsSnapshot#refusals()} lists */
    void refused(String reason) {
        refusals.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    void authFailed() {
        authFailures.increment();
    }

    void handshake(Duration took) {
        handshake.observe(took);
    }

    void connected(Duration took) {
        connect.observe(took);
    }

    void udp(UdpCounters association) {
        udpFromClients.add(association.fromClientDatagrams());
        udpToClients.add(association.fromTargetsDatagrams());
        association.droppedByReason().forEach((reason, count) ->
                udpDropped.computeIfAbsent(reason, key -> new LongAdder()).add(count));
    }

    void reloaded(boolean succeeded, Instant at) {
        (succeeded ? reloadsSucceeded : reloadsFailed).increment();
        lastReload = at;
    }

    MetricsSnapshot snapshot(String version, Instant started, Sessions sessions, boolean draining) {
        long[] bytes = sessions.bytesMoved();
        List<SessionCount> counts = ended.entrySet().stream()
                .map(e -> new SessionCount(e.getKey().version(), e.getKey().command(), e.getKey().result(),
                        e.getValue().sum()))
                .toList();
        return new MetricsSnapshot(version, started, sessions.numbered(), sessions.size(), counts, sums(refusals),
                authFailures.sum(), bytes[0], bytes[1], handshake.snapshot(), connect.snapshot(),
                udpFromClients.sum(), udpToClients.sum(), sums(udpDropped), reloadsSucceeded.sum(),
                reloadsFailed.sum(), lastReload, draining);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        return adders.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }
}
