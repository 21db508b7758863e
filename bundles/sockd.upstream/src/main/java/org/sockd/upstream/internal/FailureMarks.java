package org.sockd.upstream.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/**
 * Consecutive failures per upstream and the marks they earn (Dante's {@code route.maxfail} and
 * {@code route.badexpire}). A success or a refusal clears the count; a mark expires after
 * {@code badexpire}, or lasts until reload when that is zero. A new table gets new marks.
 */
final class FailureMarks {

    /** @param markedAt when the upstream was marked bad, or {@code null} while it is usable */
    private record State(int failures, Instant markedAt) {
    }

    private final Marking marking;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<UpstreamKey, State> states = new ConcurrentHashMap<>();

    /** @param log where marking and unmarking are reported (the notice log outside tests) */
    FailureMarks(Marking marking, Clock clock, Consumer<String> log) {
        this.marking = Objects.requireNonNull(marking, "marking");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @return whether the upstream is marked bad now; an expired mark is cleared with its count */
    boolean bad(Upstream upstream) {
        return current(upstream).markedAt() != null;
    }

    void report(Upstream upstream, TryOutcome outcome) {
        UpstreamKey key = UpstreamKey.of(upstream);
        current(upstream); // an expired mark goes first, so this failure starts a new count
        if (outcome != TryOutcome.FAILED) {
            State before = states.remove(key);
            if (before != null && before.markedAt() != null) {
                log.accept("sockd at " + shown(upstream) + " usable again");
            }
            return;
        }
        Instant now = clock.instant();
        State after = states.merge(key, new State(1, marks(1) ? now : null), (old, one) -> {
            int failures = old.failures() + 1;
            // a further failure of a marked upstream (tried as a last resort) starts its mark afresh
            return new State(failures, marks(failures) ? now : null);
        });
        if (after.markedAt() != null && after.failures() == marking.maxfail()) {
            String lasting = marking.badexpire().isZero() ? "until the next reload"
                    : "for " + marking.badexpire().toSeconds() + "s";
            log.accept("sockd at " + shown(upstream) + " marked bad " + lasting + " after " + after.failures()
                    + " failures");
        }
    }

    /** @return each upstream with its count and the age of its mark */
    List<UpstreamHealth> health(List<Upstream> upstreams) {
        Instant now = clock.instant();
        return upstreams.stream().map(upstream -> {
            State state = current(upstream);
            Duration age = state.markedAt() == null ? null : Duration.between(state.markedAt(), now);
            return new UpstreamHealth(upstream, state.failures(), age);
        }).toList();
    }

    private boolean marks(int failures) {
        return marking.maxfail() > 0 && failures >= marking.maxfail();
    }

    private State current(Upstream upstream) {
        UpstreamKey key = UpstreamKey.of(upstream);
        State state = states.get(key);
        if (state == null) {
            return new State(0, null);
        }
        if (state.markedAt() != null && !marking.badexpire().isZero()
                && !clock.instant().isBefore(state.markedAt().plus(marking.badexpire()))) {
            // remove(key, state): a report made meanwhile wins over the expiry
            if (states.remove(key, state)) {
                log.accept("sockd at " + shown(upstream) + " usable again");
            }
            return new State(0, null);
        }
        return state;
    }

    private static String shown(Upstream upstream) {
        return upstream.name() + " (" + upstream.endpoint() + ")";
    }
}
