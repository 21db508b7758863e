package org.sockd.core.internal.chain;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.Upstream;

/** The bookkeeping of one request: what failed, how many addresses and upstreams were tried, time left. */
final class Tries {

    private final int maxAddresses;
    private final long deadline;
    private final List<Attempt> failures = new ArrayList<>();
    private int addresses;
    private int upstreams;
    private Refusal untried = Refusal.GENERAL_FAILURE;

    Tries(int maxAddresses, Duration budget) {
        this.maxAddresses = maxAddresses;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    boolean exhausted() {
        return addresses >= maxAddresses || deadline - System.nanoTime() <= 0;
    }

    /** @return the limit of one step, cut to what is left of the request's budget */
    Duration within(Duration limit) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        return limit.compareTo(left) < 0 ? limit : left;
    }

    /** @param address the address tried, or {@code null} when the upstream's name did not resolve */
    void failed(Attempt.Kind kind, Upstream upstream, InetSocketAddress address, String reason) {
        failures.add(new Attempt(upstream, address, reason, kind));
    }

    /**
     * An upstream passed over; a name that needed an address here is the more telling reason when
     * no upstream gets to answer.
     */
    void passedOver(Upstream upstream, String reason, Refusal refusal) {
        failures.add(new Attempt(upstream, null, reason, Attempt.Kind.PASSED_OVER));
        if (refusal != Refusal.GENERAL_FAILURE) {
            untried = refusal;
        }
    }

    /** @return what our client is told when no upstream accepted or refused */
    Refusal refusal() {
        return upstreams == 0 ? untried : Refusal.GENERAL_FAILURE;
    }

    void addressTried() {
        addresses++;
    }

    void upstreamTried() {
        upstreams++;
    }

    int upstreams() {
        return upstreams;
    }

    List<Attempt> failures() {
        return List.copyOf(failures);
    }
}
