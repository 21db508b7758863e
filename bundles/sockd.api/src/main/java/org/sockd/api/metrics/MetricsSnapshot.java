package org.sockd.api.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The core's counters at one moment. Every count is since the core started; no count names a user
 * or an address, so that their number stays bounded.
 *
 * @param version the sockd release
 * @param started when the core started
 * @param accepted connections accepted (each is a session)
 * @param active sessions live now
 * @param sessions sessions ended, by SOCKS version, command and result
 * @param refusals requests refused, by reason: {@code rule}, {@code guard} (the destination guard), {@code ident}, {@code auth},
 *        {@code limit}, {@code upstream}, {@code policy} (none registered, or it failed), {@code drain},
 *        {@code heap} (closed at accept while live data filled the heap)
 * @param authFailures SOCKS 5 clients whose username/password was not accepted, or that offered no
 *        method the daemon accepts
 * @param bytesFromClients bytes relayed from clients (ended and live sessions)
 * @param bytesToClients bytes relayed to clients (ended and live sessions)
 * @param handshakeSeconds from the client's connection until its request was read
 * @param connectSeconds from the client's connection until the target's connection was established
 * @param udpFromClients datagrams relayed from clients to targets, counted when their association ends
 * @param udpToClients datagrams relayed from targets to clients, counted when their association ends
 * @param udpDropped datagrams dropped, by reason ({@code denied}, {@code fragment}, ...), counted when
 *        their association ends
 * @param reloadsSucceeded reloads in which every file could be used
 * @param reloadsFailed reloads in which some file could not be used
 * @param lastReload when the last reload ended, or {@code null} when there was none
 * @param draining whether the node is draining (see {@code org.sockd.api.admin.Node})
 */
public record MetricsSnapshot(String version, Instant started, long accepted, int active, List<SessionCount> sessions,
        Map<String, Long> refusals, long authFailures, long bytesFromClients, long bytesToClients,
        Histogram handshakeSeconds, Histogram connectSeconds, long udpFromClients, long udpToClients,
        Map<String, Long> udpDropped, long reloadsSucceeded, long reloadsFailed, Instant lastReload, boolean draining) {

    public MetricsSnapshot {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(started, "started");
        sessions = List.copyOf(sessions);
        refusals = Map.copyOf(refusals);
        Objects.requireNonNull(handshakeSeconds, "handshakeSeconds");
        Objects.requireNonNull(connectSeconds, "connectSeconds");
        udpDropped = Map.copyOf(udpDropped);
    }
}
