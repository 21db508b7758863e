package org.sockd.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.admin.DaemonTotals;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionRegistry;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.admin.SessionState;
import org.sockd.common.admin.FixedDumpable;
import org.sockd.common.netdb.Services;

/** sockd:status, sessions, kill and dump on an in-test session registry and a fixed clock. */
class AdminCommandsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final FakeRegistry registry = new FakeRegistry();
    private final Sessions core = new Sessions();
    private final SockdCommands commands = new SockdCommands(registry,
            new Check(new FailingNames(), () -> Services.parse(List.of())), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void statusShowsVersionUptimeListenersTotalsAndEveryKindOfService() {
        registry.started = Optional.of(NOW.minusSeconds(2 * 3600 + 7 * 60 + 9).minusMillis(500));
        registry.listeners.addAll(List.of(new ListenerView("127.0.0.1:1080", false, 0),
                new ListenerView("[::1]:1080", true, 3)));
        registry.sessions = Optional.of(core);
        core.totals = new DaemonTotals(NOW.minusSeconds(3600), 120, 3, 4096, 1_048_576);
        registry.services.addAll(List.of(
                new RegisteredService(ServiceKind.SESSION_LISTENER, "sockd.log", 0, 31, "sockd.log [8]"),
                new RegisteredService(ServiceKind.ACCESS_POLICY, "sockd.conf", 0, 23, "sockd.access [7]"),
                new RegisteredService(ServiceKind.ACCESS_POLICY, "office-hours", 100, 40, "sockd.example.policy [12]"),
                new RegisteredService(ServiceKind.AUTHENTICATOR, "sockd.auth.passwd", 0, 25, "sockd.auth [9]"),
                new RegisteredService(ServiceKind.AUTHENTICATOR, "sockd.auth.gssapi", 5, 26, "sockd.auth [9]"),
                new RegisteredService(ServiceKind.IDENT_CLIENT, "sockd.ident", 0, 28, "sockd.ident [10]")));

        assertThat(commands.status()).hasToString("""
                sockd 1.2.3, up 2h07m since 2026-11-26T09:52:50Z
                listeners: 127.0.0.1:1080, [::1]:1080 (PROXY protocol required: 3 refused)
                sessions:  3 live, 120 since 2026-11-26T11:00:00Z, at most 384 at once
                bytes:     4096 from clients, 1048576 to clients
                services:
                     kind             name               ranking  service.id  bundle
                  *  AccessPolicy     office-hours           100          40  sockd.example.policy [12]
                     AccessPolicy     sockd.conf               0          23  sockd.access [7]
                  *  Authenticator    sockd.auth.gssapi        5          26  sockd.auth [9]
                  *  Authenticator    sockd.auth.passwd        0          25  sockd.auth [9]
                     RouteSelector    (none)
                  *  IdentClient      sockd.ident              0          28  sockd.ident [10]
                     ActionRunner     (none)
                  *  SessionListener  sockd.log                0          31  sockd.log [8]
                  * in use: every Authenticator and SessionListener; of the other kinds the highest ranking, \
                then the lowest service.id""");
    }

    @Test
    void statusWithoutCoreOrPoliciesSaysWhatThatMeans() {
        assertThat(commands.status().toString()).isEqualTo("""
                sockd 1.2.3, uptime unknown
                listeners: none
                sessions:  unknown: the core is not running (no SessionRegistry service is registered)
                services:
                     kind             name                              ranking  service.id  bundle
                     AccessPolicy     (none: every request is refused)
                     Authenticator    (none)
                     RouteSelector    (none)
                     IdentClient      (none)
                     ActionRunner     (none)
                     SessionListener  (none)
                  * in use: every Authenticator and SessionListener; of the other kinds the highest ranking, \
                then the lowest service.id""");
    }

    @Test
    void sessionsListsEachWithAgeBytesEachWayAndConnectedAddressAndEscapesWhatClientsSent() {
        registry.sessions = Optional.of(core);
        core.live.add(new SessionSnapshot(7, address("127.0.0.1", 40312), "joe", "joe", Command.CONNECT,
                Endpoint.ofName("www.example.com", 443), SessionState.RELAYING, NOW.minusSeconds(3725), 517,
                1_048_576, address("93.184.215.14", 443)));
        core.live.add(new SessionSnapshot(12, address("::1", 40400), "", null, Command.BIND,
                Endpoint.ofAddress(ip("2001:db8::1"), 21), SessionState.WAITING, NOW.minusSeconds(42), 0, 0));
        core.live.add(new SessionSnapshot(1234, address("127.0.0.2", 5000), "evil\u001b[2J", null, null, null,
                SessionState.HANDSHAKE, NOW.plusSeconds(1), 0, 0));

        assertThat(commands.sessions()).hasToString("""
                  id  client           user         ident  command  destination                              state        age  from client  to client
                   7  127.0.0.1:40312  joe          joe    connect  www.example.com:443 (93.184.215.14:443)  relaying   1h02m          517    1048576
                  12  [::1]:40400      -            -      bind     [2001:db8::1]:21                         waiting      42s            0          0
                1234  127.0.0.2:5000   evil\\x1b[2J  -      -        -                                        handshake     0s            0          0
                3 live sessions""");
    }

    @Test
    void noSessionsAndNoCoreAreSaidPlainly() {
        registry.sessions = Optional.of(core);
        assertThat(commands.sessions()).hasToString("no live sessions");

        registry.sessions = Optional.empty();
        assertThatIllegalStateException().isThrownBy(commands::sessions)
                .withMessage("the core is not running (no SessionRegistry service is registered): there are no sessions");
    }

    @Test
    void killClosesTheSessionAndSaysWhichItWas() {
        registry.sessions = Optional.of(core);
        core.live.add(new SessionSnapshot(42, address("127.0.0.1", 40312), "joe", null, Command.CONNECT,
                Endpoint.ofAddress(ip("192.0.2.1"), 80), SessionState.RELAYING, NOW, 1, 2));

        assertThat(commands.kill("42")).hasToString("closed session 42: 127.0.0.1:40312 to 192.0.2.1:80 (connect)");
        assertThat(core.closed).containsExactly(42L);
        assertThat(core.live).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "4 2", "", "1e3", "0x2a", "1234567890123456789"})
    void killRefusesWhatIsNoSessionId(String id) {
        registry.sessions = Optional.of(core);
        assertThatIllegalArgumentException().isThrownBy(() -> commands.kill(id))
                .withMessage("kill: session id must be a number, as listed by sockd:sessions, not '" + id + "'");
        assertThat(core.closed).isEmpty();
    }

    @Test
    void killOfAnUnknownOrJustEndedSessionSaysThereIsNone() {
        registry.sessions = Optional.of(core);
        assertThatIllegalArgumentException().isThrownBy(() -> commands.kill("42"))
                .withMessage("no live session 42 (sockd:sessions lists them)");

        core.live.add(new SessionSnapshot(43, address("127.0.0.1", 1), "", null, null, null, SessionState.HANDSHAKE,
                NOW, 0, 0));
        core.endsBeforeClose = true;
        assertThatIllegalArgumentException().isThrownBy(() -> commands.kill("43"))
                .withMessage("no live session 43 (sockd:sessions lists them)");
    }

    @Test
    void killWithoutCoreSaysSo() {
        assertThatIllegalStateException().isThrownBy(() -> commands.kill("1"))
                .withMessageStartingWith("the core is not running");
    }

    @Test
    void dumpShowsEachRegisteredServicesTitleThenItsLines() {
        registry.dumpables.add(new FixedDumpable("rules from /etc/sockd.conf", List.of("permit 10.0.0.0 255.0.0.0")));
        registry.dumpables.add(new FixedDumpable("users", List.of()));

        assertThat(commands.dump()).hasToString("""
                rules from /etc/sockd.conf:
                  permit 10.0.0.0 255.0.0.0
                users:""");
    }

    @Test
    void dumpWithNothingToShowSaysSo() {
        assertThat(commands.dump()).hasToString("nothing to dump: no Dumpable service is registered");
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m00s", "3599, 59m59s", "3600, 1h00m", "86399, 23h59m", "86400, 1d00h",
            "1000000, 11d13h", "-5, 0s"})
    void agesReadInTwoUnits(long seconds, String text) {
        assertThat(Text.age(NOW.minusSeconds(seconds), NOW)).isEqualTo(text);
    }

    private static InetSocketAddress address(String host, int port) {
        return new InetSocketAddress(ip(host), port);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A session registry in the test's hands, standing in for the core's. */
    static final class Sessions implements SessionRegistry {
        final List<SessionSnapshot> live = new ArrayList<>();
        final List<Long> closed = new ArrayList<>();
        DaemonTotals totals = new DaemonTotals(NOW, 0, 0, 0, 0);
        int cap = 384;
        OptionalInt shedding = OptionalInt.empty();
        boolean endsBeforeClose;

        @Override
        public List<SessionSnapshot> sessions() {
            return List.copyOf(live);
        }

        @Override
        public boolean close(long id) {
            if (endsBeforeClose) {
                live.clear();
            }
            boolean found = live.removeIf(session -> session.id() == id);
            if (found) {
                closed.add(id);
            }
            return found;
        }

        @Override
        public int sessionCap() {
            return cap;
        }

        @Override
        public OptionalInt heapShedding() {
            return shedding;
        }

        @Override
        public DaemonTotals totals() {
            return totals;
        }

        @Override
        public List<SessionRefusal> revalidate() {
            throw new AssertionError("these commands never revalidate");
        }

        @Override
        public List<SessionRefusal> refusedBy(AccessPolicy candidate) {
            throw new AssertionError("these commands never revalidate");
        }

        @Override
        public boolean revalidatesOnReload() {
            return false;
        }
    }

    /** These commands never look a name up. */
    static final class FailingNames implements NameLookup {
        @Override
        public List<InetAddress> addresses(String host) {
            throw new AssertionError("looked up " + host);
        }

        @Override
        public List<String> confirmedNames(InetAddress address) {
            throw new AssertionError("looked up " + address);
        }
    }
}
