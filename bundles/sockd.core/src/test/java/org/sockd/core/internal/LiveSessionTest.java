package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.core.internal.Loopback.atEnd;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines of one session, and the sweep over the session table. */
@Timeout(10)
class LiveSessionTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Loopback net;
    /** The sessions' clock: it stands still unless a test moves it on; System.nanoTime() may be negative. */
    private final AtomicLong nanos = new AtomicLong(-5 * MS);

    LiveSessionTest() throws IOException {
        net = new Loopback();
    }

    @AfterEach
    void closeAll() {
        net.close();
    }

    @ParameterizedTest(name = "deadline {0}, now {1} -> past {2}")
    @CsvSource({
        "1000, 999, false",
        "1000, 1000, false",
        "1000, 1001, true",
        // System.nanoTime() may be negative or wrap: only the difference counts
        "-5, -6, false",
        "-5, -4, true",
        "9223372036854775806, -9223372036854775807, true",
        "-9223372036854775807, 9223372036854775806, false",
    })
    void theDeadlineHasPassedOnlyAfterItsInstant(long deadline, long now, boolean past) throws IOException {
        LiveSession session = new LiveSession(1, net.pair().proxy(), deadline);

        assertThat(session.isPastDeadline(now)).isEqualTo(past);
    }

    @Test
    void theSweepExpiresASessionPastItsHandshakeDeadline() throws IOException {
        Loopback.Pair client = net.pair();
        long now = System.nanoTime();
        LiveSession session = new LiveSession(1, client.proxy(), now + 100 * MS);
        Sessions sessions = new Sessions();
        sessions.add(session);

        sessions.sweep(now + 99 * MS);
        assertThat(session.expired()).isFalse();
        assertThat(client.proxy().isOpen()).isTrue();

        sessions.sweep(now + 101 * MS);
        assertThat(session.expired()).isTrue();
        assertThat(client.proxy().isOpen()).isFalse();
        assertThat(atEnd(client.peer())).as("the client sees the connection end").isTrue();
    }

    @Test
    void aSuspendedDeadlineNeverExpires() throws IOException {
        Loopback.Pair client = net.pair();
        long now = System.nanoTime();
        LiveSession session = new LiveSession(1, client.proxy(), now);
        Sessions sessions = new Sessions();
        sessions.add(session);

        session.suspendDeadline();

        for (long later : new long[] {now + 1, now + TimeUnit.DAYS.toNanos(365), now + Long.MAX_VALUE / 2}) {
            sessions.sweep(later);
            assertThat(session.isPastDeadline(later)).isFalse();
        }
        assertThat(session.expired()).isFalse();
        assertThat(client.proxy().isOpen()).isTrue();
    }

    @Test
    void whileRelayingEachTouchRenewsTheIdleAllowance() throws Exception {
        Loopback.Pair client = net.pair();
        Loopback.Pair target = net.pair();
        long start = nanos.get();
        LiveSession session = new LiveSession(1, client.proxy(), start - 1, nanos::get); // handshake deadline past
        long idle = 200 * MS;

        session.relaying(target.proxy(), idle);
        assertThat(session.isPastDeadline(start)).as("relaying replaces the handshake deadline").isFalse();
        assertThat(session.isPastDeadline(start + idle)).isFalse();
        assertThat(session.isPastDeadline(start + idle + 1)).isTrue();

        long touched = nanos.addAndGet(50 * MS);
        session.touch();
        assertThat(session.isPastDeadline(start + idle + 1)).as("the touch moved the deadline on").isFalse();
        assertThat(session.isPastDeadline(touched + idle)).isFalse();
        assertThat(session.isPastDeadline(touched + idle + 1)).isTrue();
    }

    @Test
    void aRelayingSessionExpiresAfterItsIdleAllowanceWithoutTouch() throws Exception {
        Loopback.Pair client = net.pair();
        Loopback.Pair target = net.pair();
        LiveSession session = new LiveSession(1, client.proxy(), Long.MAX_VALUE, nanos::get);
        Sessions sessions = new Sessions();
        sessions.add(session);
        long idle = 150 * MS;
        session.relaying(target.proxy(), idle);

        for (int i = 0; i < 20; i++) { // 400 ms of traffic, a chunk each 20 ms
            session.touch();
            sessions.sweep(nanos.addAndGet(20 * MS));
            assertThat(session.expired()).as("expired while touched").isFalse();
        }
        session.touch();
        sessions.sweep(nanos.addAndGet(idle));
        assertThat(session.expired()).as("expired at the very end of the allowance").isFalse();
        sessions.sweep(nanos.addAndGet(1));

        assertThat(session.expired()).isTrue();
        assertThat(client.proxy().isOpen()).isFalse();
        assertThat(target.proxy().isOpen()).as("the sweep closes the target too").isFalse();
        assertThat(atEnd(target.peer())).isTrue();
    }

    @Test
    void theSweepLeavesOtherSessionsAlone() throws IOException {
        long now = System.nanoTime();
        Sessions sessions = new Sessions();
        LiveSession late = new LiveSession(sessions.nextId(), net.pair().proxy(), now - 1);
        LiveSession early = new LiveSession(sessions.nextId(), net.pair().proxy(), now + 1000 * MS);
        LiveSession waiting = new LiveSession(sessions.nextId(), net.pair().proxy(), now - 1);
        waiting.suspendDeadline();
        Loopback.Pair target = net.pair();
        LiveSession relaying = new LiveSession(sessions.nextId(), net.pair().proxy(), now - 1);
        relaying.relaying(target.proxy(), TimeUnit.HOURS.toNanos(1));
        for (LiveSession session : new LiveSession[] {late, early, waiting, relaying}) {
            sessions.add(session);
        }

        sessions.sweep(now);

        assertThat(late.expired()).isTrue();
        assertThat(late.client().isOpen()).isFalse();
        for (LiveSession alive : new LiveSession[] {early, waiting, relaying}) {
            assertThat(alive.expired()).as("session %d expired", alive.id()).isFalse();
            assertThat(alive.client().isOpen()).as("session %d open", alive.id()).isTrue();
        }
        assertThat(target.proxy().isOpen()).isTrue();
    }

    @Test
    void closeClosesBothSidesAndIsNotAnExpiry() throws IOException {
        Loopback.Pair client = net.pair();
        Loopback.Pair target = net.pair();
        LiveSession session = new LiveSession(1, client.proxy(), Long.MAX_VALUE);
        session.close(); // before a target exists
        assertThat(client.proxy().isOpen()).isFalse();

        LiveSession relaying = new LiveSession(2, net.pair().proxy(), Long.MAX_VALUE);
        relaying.relaying(target.proxy(), TimeUnit.HOURS.toNanos(1));
        relaying.close();
        assertThat(relaying.client().isOpen()).isFalse();
        assertThat(target.proxy().isOpen()).isFalse();
        assertThat(session.expired()).isFalse();
        assertThat(relaying.expired()).isFalse();
    }

    @Test
    void theTableNumbersSessionsAndForgetsRemovedOnes() throws IOException {
        Sessions sessions = new Sessions();
        assertThat(sessions.nextId()).isEqualTo(1);
        assertThat(sessions.nextId()).isEqualTo(2);
        LiveSession a = new LiveSession(sessions.nextId(), net.pair().proxy(), Long.MAX_VALUE);
        LiveSession b = new LiveSession(sessions.nextId(), net.pair().proxy(), Long.MAX_VALUE);
        sessions.add(a);
        sessions.add(b);
        assertThat(sessions.size()).isEqualTo(2);
        assertThat(sessions.all()).containsExactlyInAnyOrder(a, b);

        sessions.remove(a);

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.all()).containsExactly(b);
    }
}
