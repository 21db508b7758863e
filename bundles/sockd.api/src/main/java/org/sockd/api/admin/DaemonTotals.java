package org.sockd.api.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * What the core has done since it started.
 *
 * @param started when the core started
 * @param sessions sessions accepted in total
 * @param active sessions live now
 * @param fromClients bytes relayed from clients in total (ended and live sessions)
 * @param fromTargets bytes relayed to clients in total (ended and live sessions)
 */
public record DaemonTotals(Instant started, long sessions, int active, long fromClients, long fromTargets) {
    public DaemonTotals {
        Objects.requireNonNull(started, "started");
    }
}
