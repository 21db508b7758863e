package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
