package org.sockd.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;

/** Marking upstreams bad after consecutive failures, clearing and expiring the marks; time moves by hand. */
class FailureMarksTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> log = new ArrayList<>();
    private final Upstream dead = Confs.table("upstream dead socks4://127.0.0.1:11090\n").upstreams().get(0);

    @Test
    void maxfailConsecutiveFailuresMarkAndTheMarkExpires() {
        FailureMarks marks = new FailureMarks(new Marking(2, Duration.ofSeconds(2)), clock, log::add);
        marks.report(dead, TryOutcome.FAILED);
        assertThat(marks.bad(dead)).isFalse();
        marks.report(dead, TryOutcome.FAILED);
        assertThat(marks.bad(dead)).isTrue();
        assertThat(log).containsExactly("sockd at dead (127.0.0.1:11090) marked bad for 2s after 2 failures");

        clock.advance(Duration.ofMillis(1999));
        assertThat(marks.bad(dead)).isTrue();
        assertThat(marks.health(List.of(dead))).containsExactly(new UpstreamHealth(dead, 2, Duration.ofMillis(1999)));
        clock.advance(Duration.ofMillis(1));
        assertThat(marks.bad(dead)).isFalse();
        assertThat(log).endsWith("sockd at dead (127.0.0.1:11090) usable again");
        assertThat(marks.health(List.of(dead))).containsExactly(new UpstreamHealth(dead, 0, null));
    }

    @Test
    void aFailureAfterTheMarkExpiredStartsANewCount() {
        FailureMarks marks = new FailureMarks(new Marking(2, Duration.ofSeconds(2)), clock, log::add);
        marks.report(dead, TryOutcome.FAILED);
        marks.report(dead, TryOutcome.FAILED);
        clock.advance(Duration.ofSeconds(3));
        marks.report(dead, TryOutcome.FAILED);
        assertThat(marks.health(List.of(dead))).containsExactly(new UpstreamHealth(dead, 1, null));
        assertThat(log).endsWith("sockd at dead (127.0.0.1:11090) usable again");
    }

    @Test
    void aSuccessOrARefusalClearsTheCount() {
        FailureMarks marks = new FailureMarks(new Marking(2, Duration.ofSeconds(60)), clock, log::add);
        for (TryOutcome clearing : List.of(TryOutcome.ACCEPTED, TryOutcome.REFUSED)) {
            marks.report(dead, TryOutcome.FAILED);
            marks.report(dead, clearing);
            marks.report(dead, TryOutcome.FAILED);
            assertThat(marks.bad(dead)).as("after %s", clearing).isFalse();
            marks.report(dead, clearing);
        }
    }

    @Test
    void aMarkedUpstreamThatAcceptsIsUsableAgainAtOnce() {
        FailureMarks marks = new FailureMarks(Marking.DEFAULT, clock, log::add);
        marks.report(dead, TryOutcome.FAILED);
        assertThat(marks.bad(dead)).isTrue();
        marks.report(dead, TryOutcome.ACCEPTED);
        assertThat(marks.bad(dead)).isFalse();
        assertThat(log).containsExactly("sockd at dead (127.0.0.1:11090) marked bad for 300s after 1 failures",
                "sockd at dead (127.0.0.1:11090) usable again");
    }

    @Test
    void badexpireZeroKeepsTheMarkUntilReload() {
        FailureMarks marks = new FailureMarks(new Marking(1, Duration.ZERO), clock, log::add);
        marks.report(dead, TryOutcome.FAILED);
        clock.advance(Duration.ofDays(365));
        assertThat(marks.bad(dead)).isTrue();
        assertThat(log).containsExactly("sockd at dead (127.0.0.1:11090) marked bad until the next reload after 1 failures");
    }

    @Test
    void maxfailZeroNeverMarks() {
        FailureMarks marks = new FailureMarks(new Marking(0, Duration.ofSeconds(60)), clock, log::add);
        for (int i = 0; i < 10; i++) {
            marks.report(dead, TryOutcome.FAILED);
        }
        assertThat(marks.bad(dead)).isFalse();
        assertThat(marks.health(List.of(dead))).containsExactly(new UpstreamHealth(dead, 10, null));
        assertThat(log).isEmpty();
    }

    @Test
    void aMarkIsSharedByEveryNameOfTheSameServer() {
        Upstream alias = new Upstream("other", dead.protocol(), "127.0.0.1", 11090, dead.resolve(), null, dead.auth(),
                null, Duration.ofSeconds(1));
        FailureMarks marks = new FailureMarks(Marking.DEFAULT, clock, log::add);
        marks.report(alias, TryOutcome.FAILED);
        assertThat(marks.bad(dead)).isTrue();
    }
}
