package org.sockd.core.internal;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.sockd.common.net.AddressText;

/**
 * Sessions at once and new connections per second (a token bucket) of each client address, checked
 * as soon as the client is known and before it costs a lookup, an ident query or a login. An address
 * is remembered only while it has sessions or a bucket that is not full again, so the table holds
 * at most the addresses with live sessions and those that connected in the last few seconds.
 */
final class ClientLimits {

    /**
     * @param sessions sessions of one address at once, 0 for no limit
     * @param rate new connections of one address per second, 0 for no limit
     * @param burst connections an address that was quiet may open at once before the rate applies
     */
    record Terms(int sessions, int rate, int burst) {
        static Terms of(CoreConfig config) {
            return new Terms(config.max_sessions_per_client(), config.connect_rate_per_client(),
                    config.connect_burst_per_client());
        }
    }

    /** One address: sessions are counted whatever the terms, so that a limit switched on later is right at once. */
    private static final class Entry {
        int sessions;
        double tokens;
        long refilled;

        Entry(int burst, long now) {
            this.tokens = burst;
            this.refilled = now;
        }

        void refill(Terms terms, long now) {
            tokens = Math.min(terms.burst(), tokens + (now - refilled) * (terms.rate() / 1e9));
            refilled = now;
        }

        boolean forgettable(Terms terms) {
            return sessions == 0 && (terms.rate() == 0 || tokens >= terms.burst());
        }
    }

    private final ConcurrentHashMap<InetAddress, Entry> table = new ConcurrentHashMap<>();
    private final Tally tally;
    private final RateLimitedLog warnings;
    private final LongSupplier nanoClock;
    private volatile Terms terms;

    /** @param nanoClock a monotonic clock in nanoseconds; tests move it on instead of waiting */
    ClientLimits(Terms terms, Tally tally, RateLimitedLog warnings, LongSupplier nanoClock) {
        this.terms = terms;
        this.tally = tally;
        this.warnings = warnings;
        this.nanoClock = nanoClock;
    }

    /** Applies to the connections that come from now on; sessions already admitted stay. */
    void terms(Terms changed) {
        this.terms = changed;
    }

    /**
     * Counts a new session of the client, or refuses it (counted as refusal cause {@code limit}, with
     * a rate-limited warning naming the address). Each admitted session must be {@link #release released}.
     *
     * @return whether the client may be served
     */
    boolean admit(InetAddress client) {
        Terms terms = this.terms;
        long now = nanoClock.getAsLong();
        String[] over = new String[1];
        table.compute(client, (address, entry) -> {
            Entry e = entry != null ? entry : new Entry(terms.burst(), now);
            e.refill(terms, now);
            if (terms.sessions() > 0 && e.sessions >= terms.sessions()) {
                over[0] = "max.sessions.per.client " + terms.sessions();
            } else if (terms.rate() > 0 && e.tokens < 1) {
                over[0] = "connect.rate.per.client " + terms.rate() + "/s";
            } else {
                e.sessions++;
                e.tokens = Math.max(0, e.tokens - 1);
            }
            return e.forgettable(terms) ? null : e;
        });
        if (over[0] != null) {
            tally.refused("limit");
            warnings.warn("client {} is over {}: its new connections are closed", AddressText.of(client), over[0]);
            return false;
        }
        return true;
    }

    /** Ends a session that {@link #admit} counted. */
    void release(InetAddress client) {
        Terms terms = this.terms;
        long now = nanoClock.getAsLong();
        table.computeIfPresent(client, (address, entry) -> {
            entry.sessions--;
            entry.refill(terms, now);
            return entry.forgettable(terms) ? null : entry;
        });
    }

    /** Forgets the addresses without sessions whose bucket has filled up again since they were last seen. */
    void sweep() {
        Terms terms = this.terms;
        long now = nanoClock.getAsLong();
        for (InetAddress address : table.keySet()) {
            table.computeIfPresent(address, (key, entry) -> {
                entry.refill(terms, now);
                return entry.forgettable(terms) ? null : entry;
            });
        }
    }

    /** @return how many addresses are remembered now */
    int remembered() {
        return table.size();
    }
}
