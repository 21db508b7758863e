package org.sockd.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.ConnectRequest;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentActions;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamSelector;
import org.sockd.common.testing.RecordingLogger;
import org.sockd.core.internal.udp.UdpGate;

/**
 * What each datagram of an association is decided by (the access policy, then socks.conf), and what
 * of the decisions it honours.
 */
class DatagramGateTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ConnectRequest ASSOCIATION = new ConnectRequest(
            new ClientInfo(new InetSocketAddress(LOOPBACK, 40000), new InetSocketAddress(LOOPBACK, 1080)),
            SocksVersion.SOCKS5, Command.UDP_ASSOCIATE, Endpoint.ofAddress(LOOPBACK, 0), List.of(LOOPBACK), "",
            "joe");
    private static final Endpoint DNS = Endpoint.ofAddress(LOOPBACK, 53);
    private static final InetAddress SECOND_LOOPBACK = address(127, 0, 0, 2);

    private static final MatchedRule SOCKS_CONF_LINE = new MatchedRule("socks.conf", 4, "sockd @=b 0.0.0.0 0.0.0.0",
            "logger %u");
    private static final TryLimits LIMITS = new TryLimits(8, Duration.ofSeconds(5));

    private final List<ConnectRequest> decided = new CopyOnWriteArrayList<>();
    private final List<ConnectRequest> selected = new CopyOnWriteArrayList<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final AtomicReference<Policies> current = new AtomicReference<>();
    /** Every name the gate asked the system to look up. */
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final Resolver resolver = new Resolver(1_000, name -> {
        lookups.add(name);
        return name.equals("two.test") ? new InetAddress[] {LOOPBACK, SECOND_LOOPBACK} : InetAddress.getAllByName(name);
    });
    private final RecordingLogger notices = new RecordingLogger();
    private final DatagramGate gate = gate(TestCoreConfig.defaults());
    /** Holds a hanging policy or route selector until the test ends. */
    private final CountDownLatch release = new CountDownLatch(1);

    private DatagramGate gate(TestCoreConfig config) {
        return new DatagramGate(ASSOCIATION, new SessionContext(config,
            new Sessions(), resolver, new RelayEngine(RelayEngine.Kind.THREADS, new BufferPool(1024, 1), 1),
            new RateLimitedLog(new RecordingLogger().logger(), 1),
            new RateLimitedLog(notices.logger(), TimeUnit.MINUTES.toNanos(1)), current::get, new Tally(),
            new DestinationGuard(DestinationGuard.Ranges.of(TestCoreConfig.defaults()), List::of),
            LateServices.of(new RecordingLogger().logger()),
            new ClientLimits(ClientLimits.Terms.of(TestCoreConfig.defaults()), new Tally(),
                    new RateLimitedLog(new RecordingLogger().logger(), 1), System::nanoTime),
            new ClientSlots("max.binds", "max.binds.per.client"),
            new ClientSlots("max.udp.associations", "max.udp.associations.per.client"),
            new ClientSlots("max.ident.lookups", null)));
    }

    @AfterEach
    void closeResolver() {
        release.countDown();
        resolver.close();
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a deadline the gate waits forever
    void anAccessPolicyThatHangsIsCutOffAtItsDeadlineAndTheDatagramDropped() throws Exception {
        current.set(policies(request -> {
            awaitRelease();
            return new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF);
        }));
        long start = System.nanoTime();

        UdpGate.Verdict verdict = gate(TestCoreConfig.defaults().withPolicyTimeout(100)).decide(DNS);

        assertThat(verdict).isInstanceOf(UdpGate.Verdict.Drop.class);
        assertThat(((UdpGate.Verdict.Drop) verdict).reason()).contains("access policy gave no decision within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a deadline the gate waits forever
    void aRouteSelectorThatHangsIsCutOffAtItsDeadlineAndTheDatagramDropped() throws Exception {
        RouteSelector hanging = new RouteSelector() {
            @Override
            public Route select(InetAddress destination, String name) {
                awaitRelease();
                return new Route.NoRoute("released at the end of the test");
            }

            @Override
            public List<RouteEntry> table() {
                return List.of();
            }
        };
        current.set(new Policies(decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF)), List.of(),
                Map.of(), action -> actions.add(action.command()), null, List.of(), hanging, null));
        long start = System.nanoTime();

        UdpGate.Verdict verdict = gate(TestCoreConfig.defaults().withPolicyTimeout(100)).decide(DNS);

        assertThat(verdict).isInstanceOf(UdpGate.Verdict.Drop.class);
        assertThat(((UdpGate.Verdict.Drop) verdict).reason()).contains("route selector gave no route within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    private void awaitRelease() {
        boolean interrupted = false;
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted = true; // a service that hangs whatever it is told
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAllowSendsTheDatagramWithoutIdentOrTheRuleCommands() throws Exception {
        MatchedRule rule = new MatchedRule("sockd.conf", 3, "pass from: 0/0 to: 0/0 port 53", "logger %u");
        current.set(policies(decides(new Decision.Allow(rule, IdentMode.STRICT, new IdentActions("a", "b")))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Send(new InetSocketAddress(LOOPBACK, 53), null));
        assertThat(actions).as("no command runs per datagram").isEmpty();
    }

    @Test
    void eachDatagramIsDecidedAsTheAssociationsClientWithItsOwnDestination() throws Exception {
        current.set(policies(decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF))));

        gate.decide(DNS);

        assertThat(decided).containsExactly(new ConnectRequest(ASSOCIATION.client(), SocksVersion.SOCKS5,
                Command.UDP_ASSOCIATE, DNS, List.of(LOOPBACK), "", "joe"));
    }

    @Test
    void theAccessPolicyInForceNowDecides() throws Exception {
        current.set(policies(decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF))));
        assertThat(gate.decide(DNS)).isInstanceOf(UdpGate.Verdict.Send.class);

        current.set(policies(decides(new Decision.Deny("blocked", null))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("denied: blocked"));
    }

    @Test
    void noAccessPolicyDrops() throws Exception {
        current.set(policies(null));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("no access policy registered"));
    }

    @Test
    void aPolicyThatAnswersNothingDrops() throws Exception {
        current.set(policies(decides(null)));

        // fail closed, as the policy is read for a session
        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("denied: access policy returned no decision"));
    }

    @Test
    void aNameThatDoesNotResolveDrops() throws Exception {
        current.set(policies(decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF))));

        assertThat(gate.decide(Endpoint.ofName("no-such-host.invalid", 53)))
                .isEqualTo(new UdpGate.Verdict.Drop("unknown host no-such-host.invalid"));
        assertThat(decided).isEmpty();
    }

    @Test
    void aNameNoRuleCouldPlaceDropsWithoutALookup() throws Exception {
        current.set(policies(decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF))));

        assertThat(gate.decide(Endpoint.ofName("2130706433", 53)))
                .isEqualTo(new UdpGate.Verdict.Drop("ambiguous numeric host: 2130706433"));
        assertThat(decided).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void aDestinationSocksConfSendsDirectIsSentAndTheSelectorSeesTheDatagramsDestination() throws Exception {
        current.set(policies(allows(), selects(new NextHop.Direct(SOCKS_CONF_LINE))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Send(new InetSocketAddress(LOOPBACK, 53), null));
        assertThat(selected).containsExactly(new ConnectRequest(ASSOCIATION.client(), SocksVersion.SOCKS5,
                Command.UDP_ASSOCIATE, DNS, List.of(LOOPBACK), "", "joe"));
        assertThat(actions).as("no socks.conf command runs per datagram").isEmpty();
    }

    @Test
    void aDestinationSocksConfSendsToAnUpstreamIsDroppedNeverSentDirect() throws Exception {
        current.set(policies(allows(), selects(new NextHop.Try(SOCKS_CONF_LINE, List.of(), LIMITS))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.ThroughUpstream(
                "127.0.0.1 port 53: socks.conf line 4 sends it to an upstream, which cannot carry UDP"));
        assertThat(actions).isEmpty();
    }

    @Test
    void theDropThroughAnUpstreamIsNoticedInTheLogAtMostOnceAMinute() throws Exception {
        current.set(policies(allows(), selects(new NextHop.Try(SOCKS_CONF_LINE, List.of(), LIMITS))));

        gate.decide(DNS);
        gate.decide(Endpoint.ofAddress(LOOPBACK, 54));

        assertThat(notices.calls()).containsExactly(new RecordingLogger.Call("warn", List.of("dropping UDP to {}",
                "127.0.0.1 port 53: socks.conf line 4 sends it to an upstream, which cannot carry UDP")));
    }

    @Test
    void aDestinationSocksConfDeniesIsDropped() throws Exception {
        current.set(policies(allows(), selects(new NextHop.Deny("refused by socks.conf line 4", SOCKS_CONF_LINE))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("refused by socks.conf line 4"));
        assertThat(actions).isEmpty();
    }

    @Test
    void aRequiredSelectorThatIsNotRegisteredDropsInsteadOfSendingDirect() throws Exception {
        current.set(policies(allows(), Unavailable.UPSTREAMS));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop(
                "a socks.conf is in use but no upstream selector is registered"));
    }

    @Test
    void theSelectorInForceNowDecides() throws Exception {
        current.set(policies(allows(), selects(new NextHop.Direct(SOCKS_CONF_LINE))));
        assertThat(gate.decide(DNS)).isInstanceOf(UdpGate.Verdict.Send.class);

        current.set(policies(allows(), selects(new NextHop.Try(SOCKS_CONF_LINE, List.of(), LIMITS))));

        assertThat(gate.decide(DNS)).isInstanceOf(UdpGate.Verdict.ThroughUpstream.class);
    }

    @Test
    void aSelectorThatFailsDrops() throws Exception {
        current.set(policies(allows(), selects(null)));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("upstream selector returned no next hop"));
    }

    @Test
    void aDatagramTheAccessPolicyDeniesNeverReachesTheSelector() throws Exception {
        current.set(policies(decides(new Decision.Deny("blocked", null)), selects(new NextHop.Direct(SOCKS_CONF_LINE))));

        assertThat(gate.decide(DNS)).isEqualTo(new UdpGate.Verdict.Drop("denied: blocked"));
        assertThat(selected).isEmpty();
    }

    @Test
    void aNameIsSentOnlyToAnAddressTheRulesPermitEachAddressDecidedWithTheName() throws Exception {
        MatchedRule pass = new MatchedRule("x", 1, "pass");
        current.set(policies(request -> {
            decided.add(request);
            return request.resolved().equals(List.of(SECOND_LOOPBACK)) ? new Decision.Allow(pass, IdentMode.OFF)
                    : new Decision.Deny("blocked", null);
        }));
        Endpoint two = Endpoint.ofName("two.test", 53);

        assertThat(gate.decide(two)).isEqualTo(new UdpGate.Verdict.Send(new InetSocketAddress(SECOND_LOOPBACK, 53), null));
        assertThat(decided).extracting(ConnectRequest::resolved).containsExactly(List.of(LOOPBACK), List.of(SECOND_LOOPBACK));
        assertThat(decided).extracting(ConnectRequest::destination).containsOnly(two);
        assertThat(lookups).containsExactly("two.test");
    }

    @Test
    void aGuardedDestinationIsDroppedBeforeThePolicyIsAsked() throws Exception {
        current.set(policies(allows()));

        assertThat(gate.decide(Endpoint.ofAddress(address(224, 0, 0, 251), 5353)))
                .isEqualTo(new UdpGate.Verdict.Drop("destination guard: multicast"));
        assertThat(gate.decide(Endpoint.ofAddress(address(169, 254, 169, 254), 80)))
                .isEqualTo(new UdpGate.Verdict.Drop("destination guard: cloud metadata"));
        assertThat(decided).isEmpty();
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private AccessPolicy allows() {
        return decides(new Decision.Allow(new MatchedRule("x", 1, "pass"), IdentMode.OFF));
    }

    private UpstreamSelector selects(NextHop hop) {
        return new UpstreamSelector() {
            @Override
            public NextHop select(ConnectRequest request) {
                selected.add(request);
                return hop;
            }

            @Override
            public void report(Upstream upstream, TryOutcome outcome) {
                throw new AssertionError("a datagram tries no upstream");
            }

            @Override
            public List<MatchedRule> table() {
                return List.of();
            }

            @Override
            public List<UpstreamHealth> upstreams() {
                return List.of();
            }
        };
    }

    private AccessPolicy decides(Decision decision) {
        return request -> {
            decided.add(request);
            return decision;
        };
    }

    private Policies policies(AccessPolicy access) {
        return policies(access, null);
    }

    private Policies policies(AccessPolicy access, UpstreamSelector upstreams) {
        return new Policies(access, List.of(), Map.of(), action -> actions.add(action.command()), null, List.of(),
                null, upstreams);
    }
}
