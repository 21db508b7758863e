package org.sockd.core.internal;

import java.time.Duration;
import java.time.Instant;
import org.sockd.api.metrics.MetricsSnapshot;
import org.sockd.api.metrics.SessionCount;
import org.sockd.api.ConnectRequest;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.TryOutcome;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamHealth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.api.upstream.UpstreamSelector;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.sockd.common.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.api.ClientInfo;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.SocksVersion;
import org.sockd.api.access.AccessPolicy;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.auth.Authentication;
import org.sockd.api.auth.Authenticator;
import org.sockd.api.route.Route;
import org.sockd.api.route.RouteEntry;
import org.sockd.api.route.RouteSelector;
import org.sockd.api.ident.IdentClient;
import org.sockd.api.ident.IdentResult;
import org.sockd.api.log.SessionEvent;
import org.sockd.api.protocol.Handshake;
import org.sockd.api.protocol.ProtocolHandler;
import org.sockd.api.protocol.Reply;
import org.sockd.api.protocol.SocksRequest;
import org.sockd.common.testing.RecordingLogger;

/**
 * The spine of a session with fake services on a real loopback connection: the order of its
 * steps, and that every step that cannot go on refuses (fail closed). Each step writes to one
 * trail, so the tests read the order off it.
 */
@Timeout(10)
class SessionTest {

    private static final MatchedRule RULE = new MatchedRule("sockd.conf", 7, "pass from: 0/0 to: 0/0", "echo %u");
    private static final String TWO_ADDRESSES = "two.test";
    private static final MatchedRule SOCKS_CONF_LINE = new MatchedRule("socks.conf", 3, "direct 0.0.0.0 0.0.0.0 : echo", "echo");

    private final List<String> trail = new CopyOnWriteArrayList<>();
    private final Loopback net;
    private final SocketChannel refusing;
    private final Sessions sessions = new Sessions();
    /** Every name the session asked the system to look up. */
    private final List<String> lookups = new CopyOnWriteArrayList<>();
    /** What the test resolver answers for {@link #TWO_ADDRESSES}, in order. */
    private List<InetAddress> twoAddresses = List.of();
    private final Resolver resolver = new Resolver(1_000, name -> {
        lookups.add(name);
        return name.equals(TWO_ADDRESSES) ? twoAddresses.toArray(InetAddress[]::new) : InetAddress.getAllByName(name);
    });
    private TestCoreConfig config = TestCoreConfig.defaults();
    /** Where the guard is told the daemon listens. */
    private List<InetSocketAddress> ownEndpoints = List.of();
    private final Tally tally = new Tally();
    private final RelayEngine relays = new RelayEngine(RelayEngine.Kind.LOOPS, new BufferPool(1024, 1), 1);
    private Handshake handshake;
    /** Whether the handshake runs the first authenticator's sub-negotiation with the client. */
    private boolean authenticates;
    /** What the client sends after the version byte. */
    private byte[] clientSends = {};
    /** The client's end of the session that ran. */
    private SocketChannel client;
    private UpstreamSelector upstreams;
    private RouteSelector routes;

    SessionTest() throws IOException {
        net = new Loopback();
        // bound but not listening: a connect to it is refused, and no other process can take the port
        refusing = SocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        handshake = new Handshake.Received(request(SocksVersion.SOCKS5, Command.CONNECT));
    }

    @AfterEach
    void closeAll() throws IOException {
        refusing.close();
        resolver.close();
        relays.close();
        net.close();
    }

    @Test
    void noAccessPolicyRefusesAfterTheHandshake() throws IOException {
        run(policies(null, null, List.of()));

        assertThat(trail).containsExactly("handshake", "event Refused: no access policy registered",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void aPolicyThatThrowsRefuses() throws IOException {
        run(policies(request -> {
            trail.add("decide");
            throw new IllegalStateException("rule engine broken");
        }, null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "event Refused: access policy failed",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void aPolicyThatAnswersNothingRefuses() throws IOException {
        run(policies(decides(null), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "event Refused: access policy returned no decision",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void aDenyRunsTheRuleCommandAndRefuses() throws IOException {
        run(policies(decides(new Decision.Deny("blocked", RULE)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "event Refused: blocked",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void strictIdentWithNoIdentClientRefusesAsIdentdUnreachable() throws IOException {
        run(policies(decides(new Decision.Allow(RULE, IdentMode.STRICT)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "event IdentUnreachable", "event Refused: "
                + "cannot connect to identd", "reply Refused[refusal=IDENT_UNREACHABLE]");
    }

    @Test
    void identdNamingAnotherUserRefusesAsAMismatch() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS4, Command.CONNECT,
                Endpoint.ofAddress(InetAddress.getLoopbackAddress(), port(refusing)), "joe"));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.STRICT)), identd("mallory"), List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "ident", "event IdentMismatch",
                "event Refused: identd names another user", "reply Refused[refusal=IDENT_MISMATCH]");
    }

    @Test
    void aPermittedRequestIsDecidedThenIdentifiedThenCarriedOutByItsCommand() throws IOException {
        run(policies(decides(new Decision.Allow(RULE, IdentMode.LENIENT)), identd("joe"), List.of()));

        // the CONNECT was tried: the destination refused it, and the client is told so
        assertThat(trail).containsExactly("handshake", "decide", "ident", "action sockd.conf:7", "event Failed",
                "reply Refused[refusal=CONNECTION_REFUSED]");
    }

    @Test
    void socks4IsRefusedBeforeTheDecisionWhilePasswordsAreRequired() throws IOException {
        handshake = new Handshake.Received(request(SocksVersion.SOCKS4, Command.CONNECT));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of(Unavailable.AUTHENTICATOR)));

        assertThat(trail).hasSize(3).startsWith("handshake").endsWith("reply Refused[refusal=NOT_ALLOWED]");
        assertThat(trail.get(1)).startsWith("event Refused: SOCKS 4 carries no password");
    }

    @Test
    void udpAssociateWithAProtocolThatRelaysNoDatagramsIsNotSupported() throws IOException {
        handshake = new Handshake.Received(request(SocksVersion.SOCKS5, Command.UDP_ASSOCIATE));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "event Failed",
                "reply Refused[refusal=COMMAND_NOT_SUPPORTED]");
    }

    @Test
    void aRejectedHandshakeIsAProtocolErrorAndNothingIsDecided() throws IOException {
        handshake = new Handshake.Rejected("no acceptable method");

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "event ProtocolError");
    }

    @Test
    void anUnknownVersionByteIsAProtocolErrorWithoutAHandshake() throws IOException {
        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()), 9);

        assertThat(trail).containsExactly("event ProtocolError");
    }

    @Test
    void aSocksConfDenyRunsItsLineAfterTheRuleAndRefuses() throws IOException {
        upstreams = selects(new NextHop.Deny("refused by socks.conf line 3", SOCKS_CONF_LINE));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "select",
                "action socks.conf:3", "event Refused: refused by socks.conf line 3 [by socks.conf line 3]", "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void aSocksConfDirectLineConnectsAsWithoutSocksConf() throws IOException {
        upstreams = selects(new NextHop.Direct(SOCKS_CONF_LINE));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "select",
                "action socks.conf:3", "event Failed", "reply Refused[refusal=CONNECTION_REFUSED]");
    }

    @Test
    void aTryListDialsTheUpstreamsNotTheDestinationAndReportsEach() throws IOException {
        Upstream dead = new Upstream("fw2", UpstreamProtocol.SOCKS5, "127.0.0.1", port(refusing),
                NameResolution.AUTO, null, UpstreamAuth.NONE, null, Duration.ofSeconds(5));
        upstreams = selects(new NextHop.Try(SOCKS_CONF_LINE, List.of(dead), new TryLimits(8, Duration.ofSeconds(5))));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "select",
                "action socks.conf:3", "report fw2 FAILED", "event UpstreamFailed: Connection refused", "event Failed",
                "reply Refused[refusal=GENERAL_FAILURE]");
    }

    @Test
    void aRequiredSelectorThatIsNotRegisteredRefusesInsteadOfGoingDirect() throws IOException {
        upstreams = Unavailable.UPSTREAMS;

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7",
                "event Refused: a socks.conf is in use but no upstream selector is registered"
                        + " [by socks.conf (a socks.conf is in use but no upstream selector is registered)]",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SOCKS5  | 2130706433 | ambiguous numeric host",
        "SOCKS4A | 0177.0.0.1 | ambiguous numeric host",
        "SOCKS5  | 0x7f.1     | ambiguous numeric host",
        "SOCKS5  | [::1]      | bracketed address as host name",
        "SOCKS4A | fe80::1%lo | scoped IPv6 address as host name",
        "SOCKS5  | a/b        | host name with a character other than a letter, digit, '-', '_' or '.'",
    })
    void aNameNoRuleCouldPlaceIsRefusedBeforeAnyLookupOrDecision(SocksVersion version, String host, String reason)
            throws IOException {
        handshake = new Handshake.Received(new SocksRequest(version, Command.CONNECT, Endpoint.ofName(host, 80), ""));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake",
                "event Refused: " + reason + " [by destination check: " + reason + "]",
                "reply Refused[refusal=NOT_ALLOWED]");
        assertThat(lookups).isEmpty();
        assertThat(counted().refusals()).containsEntry("destination", 1L);
    }

    @Test
    void aConnectToPortZeroIsRefusedBeforeTheDecision() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS5, Command.CONNECT,
                Endpoint.ofName("localhost", 0), ""));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake",
                "event Refused: destination port 0 [by destination check: destination port 0]",
                "reply Refused[refusal=NOT_ALLOWED]");
        assertThat(lookups).isEmpty();
    }

    /** Port 0 is how a BIND or UDP ASSOCIATE client says it does not know the port yet. */
    @Test
    void aUdpAssociateWithPortZeroGoesOnToTheDecision() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS5, Command.UDP_ASSOCIATE,
                Endpoint.ofAddress(InetAddress.getByName("0.0.0.0"), 0), ""));

        run(policies(decides(new Decision.Deny("blocked", null)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "event Refused: blocked",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    /** PySocks names "0" for the client's own address: a hint, decided as 0.0.0.0 without a lookup. */
    @Test
    void aUdpAssociateHintNoCheckAcceptsStandsForTheUnspecifiedAddress() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS5, Command.UDP_ASSOCIATE,
                Endpoint.ofName("0", 40000), ""));

        run(policies(decides(new Decision.Deny("blocked", null)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "event Refused: blocked",
                "reply Refused[refusal=NOT_ALLOWED]");
        assertThat(lookups).isEmpty();
    }

    @Test
    void aSocks4ConnectTo0000IsRefusedBeforeTheDecision() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS4, Command.CONNECT,
                Endpoint.ofAddress(InetAddress.getByName("0.0.0.0"), port(refusing)), ""));

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "event Refused: SOCKS 4 destination 0.0.0.0"
                + " [by destination check: SOCKS 4 destination 0.0.0.0]",
                "reply Refused[refusal=NOT_ALLOWED]");
    }

    @Test
    void aSocks4aNameIsLookedUpOnceAndDecided() throws IOException {
        handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS4A, Command.CONNECT,
                Endpoint.ofName("localhost", port(refusing)), ""));

        run(policies(decides(new Decision.Deny("blocked", null)), null, List.of()));

        // localhost is 127.0.0.1 and ::1 here (loopback.hosts): one decision for each address
        assertThat(trail).containsExactly("handshake", "decide", "decide", "event Refused: blocked",
                "reply Refused[refusal=NOT_ALLOWED]");
        assertThat(lookups).containsExactly("localhost");
    }

    @Test
    void aSelectorThatAnswersNothingRefuses() {
        assertThat(NextHopStep.choose(selects(null), null))
                .isEqualTo(new NextHop.Deny("upstream selector returned no next hop", null));
    }

    @Test
    void aRuleThatDeniesIsCountedAsARefusalByRuleAfterOneHandshake() throws IOException {
        run(policies(decides(new Decision.Deny("blocked", RULE)), null, List.of()));

        MetricsSnapshot counted = counted();
        assertThat(counted.sessions()).containsExactly(new SessionCount("5", "connect", "refused", 1));
        assertThat(counted.refusals()).containsEntry("rule", 1L).containsOnlyKeys(Tally.REFUSAL_CAUSES)
                .satisfies(all -> assertThat(all.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1));
        assertThat(counted.handshakeSeconds().count()).isEqualTo(1);
        assertThat(counted.connectSeconds().count()).isZero();
    }

    @Test
    void eachRefusalIsCountedByWhatRefusedIt() throws IOException {
        run(policies(null, null, List.of()));
        run(policies(decides(new Decision.Allow(RULE, IdentMode.STRICT)), null, List.of()));
        upstreams = selects(new NextHop.Deny("refused by socks.conf line 3", SOCKS_CONF_LINE));
        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));
        upstreams = null;
        handshake = new Handshake.Received(request(SocksVersion.SOCKS4, Command.BIND));
        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of(Unavailable.AUTHENTICATOR)));

        MetricsSnapshot counted = counted();
        assertThat(counted.refusals()).containsOnly(Map.entry("policy", 1L), Map.entry("ident", 1L),
                Map.entry("upstream", 1L), Map.entry("auth", 1L), Map.entry("rule", 0L), Map.entry("guard", 0L),
                Map.entry("destination", 0L),
                Map.entry("limit", 0L), Map.entry("drain", 0L), Map.entry("heap", 0L));
        assertThat(counted.sessions()).containsOnly(new SessionCount("5", "connect", "refused", 3),
                new SessionCount("4", "bind", "refused", 1));
    }

    @Test
    void aConnectionTheTargetRefusesIsAFailedSessionNotARefusal() throws IOException {
        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        MetricsSnapshot counted = counted();
        assertThat(counted.sessions()).containsExactly(new SessionCount("5", "connect", "failed", 1));
        assertThat(counted.refusals().values()).containsOnly(0L);
    }

    @Test
    void anUnknownVersionByteIsCountedAsAProtocolErrorOfNoKnownVersion() throws IOException {
        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()), 9);

        MetricsSnapshot counted = counted();
        assertThat(counted.sessions()).containsExactly(new SessionCount("unknown", "unknown", "protocol_error", 1));
        assertThat(counted.handshakeSeconds().count()).isZero();
    }

    @Test
    void aPolicyThatHangsIsCutOffAtItsDeadlineAndTheRequestRefused() throws IOException {
        config = TestCoreConfig.defaults().withPolicyTimeout(100);
        CountDownLatch never = new CountDownLatch(1);

        run(policies(request -> {
            trail.add("decide");
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Decision.Allow(RULE, IdentMode.OFF);
        }, null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide",
                "event Refused: access policy gave no decision within 100 ms", "reply Refused[refusal=NOT_ALLOWED]");
        assertThat(counted().refusals()).containsEntry("policy", 1L);
    }

    @Test
    void anAuthenticatorThatHangsIsCutOffAtItsDeadlineAndTheLoginFails() throws Exception {
        config = TestCoreConfig.defaults().withPolicyTimeout(100);
        authenticates = true;
        clientSends = new byte[] {1, 1, 'u', 1, 'p'}; // RFC 1929: version, user "u", password "p"
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        Authenticator hangs = new Authenticator() {
            @Override
            public int method() {
                return 2;
            }

            @Override
            public Authentication authenticate(InputStream in, OutputStream out, ClientInfo client) throws IOException {
                in.readNBytes(5);
                trail.add("check");
                try {
                    never.await();
                } catch (InterruptedException e) {
                    released.countDown();
                }
                out.write(new byte[] {1, 0}); // success, too late
                return new Authentication.Accepted("u");
            }
        };
        long start = System.nanoTime();

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of(hangs)));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(100L, 2_000L);
        assertThat(trail).containsExactly("handshake", "check", "event ProtocolError");
        assertThat(client.socket().getInputStream().readAllBytes()).as("username/password failure, then the end")
                .containsExactly(1, 1);
        assertThat(counted().authFailures()).isEqualTo(1);
        assertThat(released.await(2, TimeUnit.SECONDS)).as("the authenticator's thread was interrupted").isTrue();
    }

    @Test
    void aRouteSelectorThatHangsIsCutOffAtItsDeadlineAndTheConnectFails() throws Exception {
        config = TestCoreConfig.defaults().withPolicyTimeout(100);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        routes = new RouteSelector() {
            @Override
            public Route select(InetAddress destination, String name) {
                trail.add("route");
                try {
                    never.await();
                } catch (InterruptedException e) {
                    released.countDown();
                }
                return new Route.Via(InetAddress.getLoopbackAddress(), new RouteEntry("test", 1, "lo"));
            }

            @Override
            public List<RouteEntry> table() {
                return List.of();
            }
        };
        long start = System.nanoTime();

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(100L, 2_000L);
        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "route", "event Failed",
                "reply Refused[refusal=NETWORK_UNREACHABLE]");
        assertThat(released.await(2, TimeUnit.SECONDS)).as("the route selector's thread was interrupted").isTrue();
    }

    @Test
    void aRouteSelectorThatThrowsFailsTheConnectWithAReply() throws Exception {
        routes = new RouteSelector() {
            @Override
            public Route select(InetAddress destination, String name) {
                trail.add("route");
                throw new IllegalStateException("broken route table");
            }

            @Override
            public List<RouteEntry> table() {
                return List.of();
            }
        };

        run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

        assertThat(trail).containsExactly("handshake", "decide", "action sockd.conf:7", "route", "event Failed",
                "reply Refused[refusal=NETWORK_UNREACHABLE]");
    }

    @Test
    void aConnectToTheDaemonsOwnEndpointIsRefusedByTheGuardAndNothingConnects() throws IOException {
        try (ServerSocketChannel own = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            ownEndpoints = List.of((InetSocketAddress) own.getLocalAddress());
            handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS5, Command.CONNECT,
                    Endpoint.ofAddress(InetAddress.getLoopbackAddress(), port(own)), ""));

            run(policies(decides(new Decision.Allow(RULE, IdentMode.OFF)), null, List.of()));

            assertThat(trail).containsExactly("handshake", "event Refused: own endpoint [by destination guard: own endpoint]",
                    "reply Refused[refusal=NOT_ALLOWED]");
            own.configureBlocking(false);
            assertThat(own.accept()).as("the own endpoint saw no connection").isNull();
            assertThat(counted().refusals()).containsEntry("guard", 1L).containsEntry("rule", 0L);
        }
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.2", "127.0.0.2, 127.0.0.1"})
    void aNameConnectsOnlyToAnAddressTheRulesPermitAndIsSettledOnce(String deniedText, String permittedText)
            throws Exception {
        InetAddress denied = InetAddress.getByName(deniedText);
        InetAddress permitted = InetAddress.getByName(permittedText);
        ServerSocketChannel[] targets = onOnePort(denied, permitted);
        try (ServerSocketChannel refused = targets[0]; ServerSocketChannel allowed = targets[1]) {
            twoAddresses = List.of(denied, permitted);
            handshake = new Handshake.Received(new SocksRequest(SocksVersion.SOCKS5, Command.CONNECT,
                    Endpoint.ofName(TWO_ADDRESSES, port(refused)), ""));
            // the target closes at once, so that the relay and the session end
            CompletableFuture<InetSocketAddress> accepted = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel target = allowed.accept()) {
                    return (InetSocketAddress) target.getLocalAddress();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            run(policies(request -> {
                trail.add("decide " + request.destination().host() + " " + request.resolved());
                return request.resolved().equals(List.of(permitted)) ? new Decision.Allow(RULE, IdentMode.LENIENT)
                        : new Decision.Deny("blocked", null);
            }, identd(""), List.of()));

            assertThat(accepted.get(5, java.util.concurrent.TimeUnit.SECONDS).getAddress()).isEqualTo(permitted);
            refused.configureBlocking(false);
            assertThat(refused.accept()).as("the denied address saw no connection").isNull();
            assertThat(lookups).containsExactly(TWO_ADDRESSES);
            assertThat(trail).startsWith("handshake", "decide two.test [/" + deniedText + "]",
                    "decide two.test [/" + permittedText + "]", "ident", "action sockd.conf:7").contains("event Connected");
        }
    }

    /** Listeners on two addresses with one port; a port another program holds on the second is tried again. */
    private static ServerSocketChannel[] onOnePort(InetAddress first, InetAddress second) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocketChannel one = ServerSocketChannel.open().bind(new InetSocketAddress(first, 0));
            try {
                return new ServerSocketChannel[] {one,
                        ServerSocketChannel.open().bind(new InetSocketAddress(second, port(one)))};
            } catch (BindException e) {
                one.close();
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private MetricsSnapshot counted() {
        return tally.snapshot("test", Instant.EPOCH, sessions, false);
    }

    private void run(Policies policies) throws IOException {
        run(policies, 5);
    }

    /** Sends the version byte and ends the client's output, runs the session to its end, checks it cleaned up. */
    private void run(Policies policies, int versionByte) throws IOException {
        Loopback.Pair client = net.pair();
        this.client = client.peer();
        client.peer().write(ByteBuffer.wrap(new byte[] {(byte) versionByte}));
        client.peer().write(ByteBuffer.wrap(clientSends));
        client.peer().shutdownOutput();
        LiveSession live = new LiveSession(sessions.nextId(), client.proxy(), Long.MAX_VALUE);
        sessions.add(live);
        SessionContext context = new SessionContext(config, sessions, resolver,
                relays, new RateLimitedLog(new RecordingLogger().logger(), 1),
                new RateLimitedLog(new RecordingLogger().logger(), 1), () -> policies, tally,
                new DestinationGuard(DestinationGuard.Ranges.of(TestCoreConfig.defaults()), () -> ownEndpoints),
                LateServices.of(new RecordingLogger().logger()),
                new ClientLimits(ClientLimits.Terms.of(TestCoreConfig.defaults()), tally,
                        new RateLimitedLog(new RecordingLogger().logger(), 1), System::nanoTime),
                new ClientSlots("max.binds", "max.binds.per.client"),
                new ClientSlots("max.udp.associations", "max.udp.associations.per.client"),
                new ClientSlots("max.ident.lookups", null));

        new Session(live, policies, context, ListenerTerms.PLAIN, Optional.empty()).run();

        if (live.handedOver()) { // a granted session ends when its relay does, on a thread of its own
            try {
                Await.until(() -> sessions.size() == 0, "the relayed session to end");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(client.proxy().isOpen()).as("the client connection is closed").isFalse();
        assertThat(sessions.size()).as("the session left the table").isZero();
    }

    private Policies policies(AccessPolicy access, IdentClient ident, List<Authenticator> authenticators) {
        return new Policies(access, List.of(this::heard), Map.of(5, new FakeHandler(), 4, new FakeHandler()),
                action -> trail.add("action " + action.origin()), ident, authenticators, routes, upstreams);
    }

    private UpstreamSelector selects(NextHop hop) {
        return new UpstreamSelector() {
            @Override
            public NextHop select(ConnectRequest request) {
                trail.add("select");
                return hop;
            }

            @Override
            public void report(Upstream upstream, TryOutcome outcome) {
                trail.add("report " + upstream.name() + " " + outcome);
            }

            @Override
            public List<MatchedRule> table() {
                return Unavailable.UPSTREAMS.table();
            }

            @Override
            public List<UpstreamHealth> upstreams() {
                return Unavailable.UPSTREAMS.upstreams();
            }
        };
    }

    private AccessPolicy decides(Decision decision) {
        return request -> {
            trail.add("decide");
            return decision;
        };
    }

    private IdentClient identd(String user) {
        return (client, server) -> {
            trail.add("ident");
            return CompletableFuture.completedFuture(new IdentResult.User("UNIX", user));
        };
    }

    private void heard(SessionEvent event) {
        trail.add("event " + event.getClass().getSimpleName()
                + switch (event) {
                    case SessionEvent.Refused refused -> ": " + refused.reason()
                            + (refused.by() == null ? "" : " [by " + refused.by() + "]");
                    case SessionEvent.UpstreamFailed failed -> ": " + failed.reason();
                    default -> "";
                });
    }

    private SocksRequest request(SocksVersion version, Command command) throws IOException {
        return new SocksRequest(version, command, Endpoint.ofAddress(InetAddress.getLoopbackAddress(), port(refusing)),
                "");
    }

    private static int port(java.nio.channels.NetworkChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** A protocol whose handshake has already happened: it hands over the test's outcome and notes each reply. */
    private final class FakeHandler implements ProtocolHandler {

        @Override
        public int version() {
            return 5;
        }

        @Override
        public Handshake handshake(InputStream in, OutputStream out, ClientInfo client,
                List<Authenticator> authenticators) throws IOException {
            trail.add("handshake");
            if (authenticates && authenticators.getFirst().authenticate(in, out, client)
                    instanceof Authentication.Rejected rejected) {
                return new Handshake.Rejected(rejected.reason());
            }
            return handshake;
        }

        @Override
        public void reply(OutputStream out, SocksRequest request, Reply reply) {
            trail.add("reply " + reply);
        }
    }
}
