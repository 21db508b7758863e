package org.sockd.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.sockd.api.admin.DaemonTotals;

/**
 * What sockd:status found; Gogo prints it through {@link #toString()}.
 *
 * @param version the sockd release
 * @param now when the status was taken
 * @param started when the daemon process started, or {@code null} when the system does not say
 * @param listeners the sockets clients are accepted on
 * @param services the policy services, in display order
 * @param totals the core's counts, or {@code null} when no core is running
 * @param sessionCap the sessions the core serves at once (only meaningful with the totals)
 * @param draining whether the node drains: it accepts no new clients
 * @param heapShedding while new clients are closed for want of heap, how full of live data the old
 *        generation was after the last collection, in percent; else empty
 */
public record Status(String version, Instant now, Instant started, List<ListenerView> listeners,
        List<RegisteredService> services, DaemonTotals totals, int sessionCap, boolean draining,
        OptionalInt heapShedding) {

    public Status {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(now, "now");
        listeners = List.copyOf(listeners);
        services = RegisteredService.inDisplayOrder(services);
    }

    @Override
    public String toString() {
        return StatusText.status(this);
    }
}
