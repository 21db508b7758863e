package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocksServerTest {

    @ParameterizedTest(name = "handshake {0} ms, idle {1} s -> sweep every {2} ms")
    @CsvSource({
        "30000, 7200, 1000", // the defaults: at most once a second
        "4000, 7200, 1000",
        "3000, 7200, 750",   // a quarter of the shortest deadline
        "100, 7200, 25",
        "80, 7200, 20",
        "40, 7200, 20",      // never more often than every 20 ms
        "0, 7200, 20",
        "30000, 2, 500",     // the idle allowance can be the shortest
        "30000, 1, 250",
        "30000, 0, 20",
        "2147483647, 2147483647, 1000", // seconds * 1000 must not overflow
    })
    void theSweepPeriodIsAQuarterOfTheShortestDeadlineClamped(int handshakeMillis, int idleSeconds, long expected) {
        CoreConfig config = TestCoreConfig.defaults().withTimeouts(handshakeMillis, idleSeconds);

        assertThat(SocksServer.sweepPeriodMillis(config)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "per client: {0} sessions, {1}/s, burst {2}")
    @CsvSource({
        "-1, 64, 128, 'sockd.core: max.sessions.per.client must be 0 or more, not -1'",
        "256, -5, 128, 'sockd.core: connect.rate.per.client must be 0 or more, not -5'",
        "256, 64, 0, 'sockd.core: connect.burst.per.client must be greater than 0, not 0'",
    })
    void aBadClientLimitRefusesTheConfigurationNamingTheProperty(int sessions, int rate, int burst, String message) {
        CoreConfig config = TestCoreConfig.defaults().withClientLimits(sessions, rate, burst);

        assertThatIllegalArgumentException().isThrownBy(() -> SocksServer.validate(config)).withMessage(message);
    }

    @Test
    void noBurstIsNeededWhileTheRateIsOffAndZeroSwitchesLimitsOff() {
        assertThatNoException().isThrownBy(() -> SocksServer.validate(TestCoreConfig.defaults().withClientLimits(0, 0, 0)));
        assertThatNoException().isThrownBy(() -> SocksServer.validate(TestCoreConfig.defaults()));
    }
}
