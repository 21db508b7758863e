package org.sockd.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.metrics.Histogram;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;
import org.sockd.common.netdb.Services;

/** sockd:stats, sockd:drain and sockd:undrain, and what sockd:status says while the node drains. */
class MonitoringCommandsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final FakeRegistry registry = new FakeRegistry();
    private final AdminCommandsTest.Sessions core = new AdminCommandsTest.Sessions();
    private final FakeNode node = new FakeNode();
    private final SockdCommands commands = new SockdCommands(registry,
            new Check(new AdminCommandsTest.FailingNames(), () -> Services.parse(List.of())), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void statsReadsEveryCounterForAPerson() {
        MetricsSnapshot snapshot = new MetricsSnapshot("1.2.3", NOW.minusSeconds(3600), 9, 1,
                List.of(new SessionCount("5", "connect", "granted", 6), new SessionCount("4", "connect", "refused", 2)),
                Map.of("rule", 2L, "limit", 0L), 1, 4096, 1_048_576,
                new Histogram(List.of(0.01), List.of(3L, 1L), 0.5), new Histogram(List.of(0.01), List.of(0L, 0L), 0),
                4, 3, Map.of("denied", 1L), 2, 0, NOW.minusSeconds(60), false);
        registry.metrics = Optional.of(fixed(snapshot));

        assertThat(commands.stats()).hasToString("""
                sockd 1.2.3, counting since 2026-11-26T11:00:00Z
                sessions:      9 started, 1 live
                  version  command  result   ended
                  4        connect  refused      2
                  5        connect  granted      6
                refused:       limit 0, rule 2
                auth failures: 1
                bytes:         4096 from clients, 1048576 to clients
                handshake:     4, mean 0.125 s
                connect:       none yet
                udp:           4 datagrams from clients, 3 to clients; dropped: denied 1
                reloads:       2 succeeded, 0 failed, last at 2026-11-26T11:59:00Z""");
    }

    @Test
    void statusSaysWhileNewClientsAreClosedForWantOfHeap() {
        registry.sessions = Optional.of(core);
        assertThat(commands.status().toString()).doesNotContain("shedding");

        core.shedding = OptionalInt.of(93);

        assertThat(commands.status().toString()).contains("\nshedding:  new connections are closed: the old generation "
                + "is 93% full of live data (heap.shed.percent)\n");
    }

    @Test
    void drainStopsNewClientsAndStatusCountsTheSessionsLeftUntilUndrain() {
        registry.node = Optional.of(node);
        registry.sessions = Optional.of(core);
        core.totals = new DaemonTotals(NOW.minusSeconds(60), 10, 3, 0, 0);

        assertThat(commands.drain()).hasToString("draining: 3 sessions left; new connections are refused");
        assertThat(node.draining).isTrue();
        assertThat(commands.status().toString()).contains(
                "\ndraining:  3 sessions left, new connections are refused (sockd:undrain takes them again)\n");

        assertThat(commands.undrain()).hasToString("accepting new clients; 3 sessions live");
        assertThat(node.draining).isFalse();
        assertThat(commands.status().toString()).doesNotContain("draining");
    }

    @Test
    void withoutACoreThereIsNothingToCountOrDrain() {
        assertThatIllegalStateException().isThrownBy(commands::stats).withMessageContaining("the core is not running");
        assertThatIllegalStateException().isThrownBy(commands::drain).withMessageContaining("nothing to drain");
    }

    private static DaemonMetrics fixed(MetricsSnapshot snapshot) {
        return new DaemonMetrics() {
            @Override
            public MetricsSnapshot snapshot() {
                return snapshot;
            }

            @Override
            public void reloaded(boolean succeeded) {
                throw new AssertionError("no command counts a reload by itself");
            }
        };
    }

    private static final class FakeNode implements Node {
        boolean draining;

        @Override
        public void drain() {
            draining = true;
        }

        @Override
        public void undrain() {
            draining = false;
        }

        @Override
        public boolean draining() {
            return draining;
        }

        @Override
        public Readiness readiness() {
            return draining ? new Readiness.NotReady("draining") : new Readiness.Ready();
        }
    }
}
