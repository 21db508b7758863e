package org.sockd.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Failures per address in a sliding window, on a clock the test moves. */
class FailureThrottleTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FailureThrottle<InetAddress> throttle = new FailureThrottle<>(5, WINDOW, 100, clock::get);
    private final InetAddress alpha = address("127.0.0.2");
    private final InetAddress beta = address("127.0.0.3");

    @Test
    void theFifthFailureWithinTheWindowRefusesTheAddress() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed(alpha)).as("failure %d", i).isFalse();
            assertThat(throttle.refuses(alpha)).isFalse();
            advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.failed(alpha)).isTrue();
        assertThat(throttle.refuses(alpha)).isTrue();
    }

    @Test
    void theAddressIsLetInAgainWhenTheOldestFailureLeavesTheWindow() {
        failTimes(alpha, 5); // at t0 .. t0+4s
        advance(WINDOW.minusSeconds(6)); // t0+59s: the first failure is 59 s old
        assertThat(throttle.refuses(alpha)).isTrue();

        advance(Duration.ofSeconds(1)); // t0+60s
        assertThat(throttle.refuses(alpha)).isFalse();

        // four failures are still in the window: the next one refuses again
        assertThat(throttle.failed(alpha)).isTrue();
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverRefuse() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.failed(alpha)).isFalse();
            advance(Duration.ofSeconds(16)); // 5 failures span 64 s
        }
    }

    @Test
    void aSuccessForgetsTheFailures() {
        failTimes(alpha, 4);
        throttle.succeeded(alpha);
        failTimes(alpha, 4);
        assertThat(throttle.refuses(alpha)).isFalse();

        failTimes(alpha, 1);
        throttle.succeeded(alpha);
        assertThat(throttle.refuses(alpha)).isFalse();
        assertThat(throttle.tracked()).isZero();
    }

    @Test
    void addressesAreCountedApart() {
        failTimes(alpha, 5);
        assertThat(throttle.refuses(alpha)).isTrue();
        assertThat(throttle.refuses(beta)).isFalse();
        failTimes(beta, 4);
        assertThat(throttle.refuses(beta)).isFalse();
    }

    @Test
    void refusedAttemptsDoNotProlongTheRefusal() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(alpha); // all at t0
        }
        for (int i = 0; i < 59; i++) {
            advance(Duration.ofSeconds(1));
            assertThat(throttle.refuses(alpha)).isTrue();
        }
        advance(Duration.ofSeconds(1));
        assertThat(throttle.refuses(alpha)).isFalse();
    }

    @Test
    void memoryIsBoundedByForgettingTheAddressSeenLeastRecently() throws Exception {
        FailureThrottle<InetAddress> small = new FailureThrottle<>(1, WINDOW, 3, clock::get);
        InetAddress[] addresses = {address("10.0.0.1"), address("10.0.0.2"), address("10.0.0.3"), address("10.0.0.4")};
        small.failed(addresses[0]);
        small.failed(addresses[1]);
        small.failed(addresses[2]);
        assertThat(small.refuses(addresses[0])).isTrue(); // a look-up keeps 10.0.0.1 young

        small.failed(addresses[3]);

        assertThat(small.tracked()).isEqualTo(3);
        assertThat(small.refuses(addresses[1])).as("the oldest, forgotten").isFalse();
        assertThat(small.refuses(addresses[0])).isTrue();
        assertThat(small.refuses(addresses[3])).isTrue();
    }

    @Test
    void tenThousandAddressesFitAndNoMore() throws Exception {
        FailureThrottle<InetAddress> shipped = new FailureThrottle<>(5, WINDOW, PasswordFileAuthenticator.TRACKED_ADDRESSES, clock::get);
        for (int i = 0; i < PasswordFileAuthenticator.TRACKED_ADDRESSES + 500; i++) {
            shipped.failed(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }
        assertThat(shipped.tracked()).isEqualTo(PasswordFileAuthenticator.TRACKED_ADDRESSES);
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new FailureThrottle<>(0, WINDOW, 1, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureThrottle<>(1, Duration.ZERO, 1, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureThrottle<>(1, WINDOW, 0, clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void failTimes(InetAddress client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(client);
            advance(Duration.ofSeconds(1));
        }
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
