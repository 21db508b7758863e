package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sockd.common.testing.RecordingLogger;

class ClientLimitsTest {

    private static final InetAddress FLOODER = address("127.0.0.2");
    private static final InetAddress OTHER = address("127.0.0.3");

    private final RecordingLogger log = new RecordingLogger();
    private final Tally tally = new Tally();
    /** Stands still unless a test moves it on; System.nanoTime() may be negative. */
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);

    private ClientLimits limits(int sessions, int rate, int burst) {
        return new ClientLimits(new ClientLimits.Terms(sessions, rate, burst), tally,
                new RateLimitedLog(log.logger(), TimeUnit.HOURS.toNanos(1), nanos::get), nanos::get);
    }

    @Test
    void anAddressAtItsSessionLimitIsRefusedWhileAnotherIsServed() {
        ClientLimits limits = limits(3, 0, 0);

        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit(FLOODER)).isTrue();
        }
        assertThat(limits.admit(FLOODER)).isFalse();
        assertThat(limits.admit(OTHER)).isTrue();

        assertThat(refusedForLimit()).isEqualTo(1);
        assertThat(log.lines()).containsExactly(new RecordingLogger.Line("warn",
                "client 127.0.0.2 is over max.sessions.per.client 3: its new connections are closed"));
    }

    @Test
    void aSessionThatEndsMakesRoomForTheNext() {
        ClientLimits limits = limits(1, 0, 0);
        assertThat(limits.admit(FLOODER)).isTrue();
        assertThat(limits.admit(FLOODER)).isFalse();

        limits.release(FLOODER);

        assertThat(limits.admit(FLOODER)).isTrue();
    }

    @Test
    void theBurstIsAdmittedAtOnceThenTheRateRefills() {
        ClientLimits limits = limits(0, 10, 20);
        for (int i = 0; i < 20; i++) {
            assertThat(limits.admit(FLOODER)).as("connection %d of the burst", i).isTrue();
        }
        assertThat(limits.admit(FLOODER)).isFalse();
        assertThat(limits.admit(OTHER)).isTrue();

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // one token at 10/s

        assertThat(limits.admit(FLOODER)).isTrue();
        assertThat(limits.admit(FLOODER)).isFalse();
        assertThat(log.lines()).first().isEqualTo(new RecordingLogger.Line("warn",
                "client 127.0.0.2 is over connect.rate.per.client 10/s: its new connections are closed"));
    }

    @Test
    void zeroSwitchesBothLimitsOff() {
        ClientLimits limits = limits(0, 0, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limits.admit(FLOODER)).isTrue();
        }
        assertThat(refusedForLimit()).isZero();
    }

    @Test
    void anAddressWithoutSessionsIsForgottenOnceItsBucketIsFullAgain() {
        ClientLimits limits = limits(256, 64, 128);
        for (int i = 0; i < 1000; i++) {
            InetAddress client = address("127.1." + (i / 250) + "." + (i % 250 + 1));
            assertThat(limits.admit(client)).isTrue();
            limits.release(client);
        }
        assertThat(limits.admit(FLOODER)).isTrue();
        assertThat(limits.remembered()).as("each bucket is one token short").isEqualTo(1001);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        limits.sweep();

        assertThat(limits.remembered()).as("only the address with a live session").isEqualTo(1);
        limits.release(FLOODER);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        limits.sweep();
        assertThat(limits.remembered()).isZero();
    }

    @Test
    void aStricterLimitAppliesToTheSessionsAlreadyCounted() {
        ClientLimits limits = limits(0, 0, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.admit(FLOODER)).isTrue();
        }

        limits.terms(new ClientLimits.Terms(5, 0, 0));

        assertThat(limits.admit(FLOODER)).isFalse();
        limits.release(FLOODER);
        assertThat(limits.admit(FLOODER)).isTrue();
    }

    private long refusedForLimit() {
        return tally.snapshot("test", Instant.EPOCH, new Sessions(), false).refusals().get("limit");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
