package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.core.internal.chain.ScriptedProxy.bytes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.Command;
import org.sockd.api.access.MatchedRule;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.TryLimits;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.testing.Await;

/** The try rules against proxy stand-ins on 127.0.0.1; a dead upstream is a port nobody listens on. */
@Timeout(20)
class DialerTest {

    static final byte[] SOCKS5_NO_AUTH = bytes(5, 0);
    static final byte[] SOCKS5_GRANTED = bytes(5, 0, 0, 1, 127, 0, 0, 9, 0x1F, 0x90);
    static final MatchedRule LINE = new MatchedRule("socks.conf", 1, "sockd @=a,b 0.0.0.0 0.0.0.0");

    private final Reports reports = new Reports();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aDeadUpstreamFailsOverToTheLiveOne() throws Exception {
        ScriptedProxy live = proxy(ScriptedProxy.answering(SOCKS5_NO_AUTH, SOCKS5_GRANTED));
        Upstream dead = Upstreams.of("dead", UpstreamProtocol.SOCKS5, deadPort());
        Upstream alive = Upstreams.of("live", UpstreamProtocol.SOCKS5, live.port());

        Dialed dialed = dial(List.of(dead, alive), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Connected.class, connected -> {
            opened.add(connected.channel());
            assertThat(connected.upstream()).isEqualTo(alive);
            assertThat(connected.bound()).isEqualTo(new InetSocketAddress("127.0.0.9", 8080));
            assertThat(connected.serverText()).isEqualTo("live (127.0.0.1:" + live.port() + ")");
            assertThat(connected.failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.server()).startsWith("dead (127.0.0.1:"));
        });
        assertThat(reports.list()).containsExactly("dead=FAILED", "live=ACCEPTED");
    }

    @Test
    void aRefusalIsFinalAndTheNextUpstreamIsNeverContacted() throws Exception {
        ScriptedProxy refusing = proxy(ScriptedProxy.answering(bytes(0, 91, 0, 0, 0, 0, 0, 0)));
        ScriptedProxy next = proxy(ScriptedProxy.answering(SOCKS5_NO_AUTH, SOCKS5_GRANTED));

        Dialed dialed = dial(List.of(Upstreams.of("b", UpstreamProtocol.SOCKS4, refusing.port()),
                Upstreams.of("c", UpstreamProtocol.SOCKS5, next.port())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(91);
            assertThat(refused.refusal()).isEqualTo(Refusal.GENERAL_FAILURE);
        });
        assertThat(next.accepts()).isZero();
        assertThat(reports.list()).containsExactly("b=REFUSED");
    }

    @Test
    void everyUpstreamDeadFailsWithAGeneralFailure() throws Exception {
        Dialed dialed = dial(List.of(Upstreams.of("a", UpstreamProtocol.SOCKS4, deadPort()),
                Upstreams.of("b", UpstreamProtocol.SOCKS5, deadPort())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> {
            assertThat(failed.refusal()).isEqualTo(Refusal.GENERAL_FAILURE);
            assertThat(failed.tried()).isEqualTo(2);
            assertThat(failed.failures()).hasSize(2);
        });
        assertThat(reports.list()).containsExactly("a=FAILED", "b=FAILED");
    }

    @Test
    void silentMalformedAndCutShortAnswersAreFailuresThatMoveOn() throws Exception {
        ScriptedProxy silent = proxy(ScriptedProxy.answering());
        ScriptedProxy talksHttp = proxy(ScriptedProxy.answering("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()));
        ScriptedProxy cutShort = proxy(ScriptedProxy.endingAfter(bytes(5, 0, 5)));
        ScriptedProxy live = proxy(ScriptedProxy.answering(ScriptedProxy.oneByOne(5, 0, 5, 0, 0, 1, 127, 0, 0, 9, 0, 80)));

        Dialed dialed = dial(List.of(Upstreams.of("silent", UpstreamProtocol.SOCKS5, silent.port()),
                Upstreams.of("http", UpstreamProtocol.SOCKS5, talksHttp.port()),
                Upstreams.of("short", UpstreamProtocol.SOCKS5, cutShort.port()),
                Upstreams.of("live", UpstreamProtocol.SOCKS5, live.port())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Connected.class, connected -> {
            opened.add(connected.channel());
            assertThat(connected.failures()).extracting(Attempt::reason)
                    .containsExactly("no answer within 300 ms", "bad method reply version 72", "closed after 1 of 5 bytes");
        });
        assertThat(reports.list()).containsExactly("silent=FAILED", "http=FAILED", "short=FAILED", "live=ACCEPTED");
    }

    @Test
    void maxTriesBoundsTheAddressesTried() throws Exception {
        Dialed dialed = new Dialer(DialerTest::literal, address -> Optional.empty(), reports, Duration.ofSeconds(10))
                .dial(new NextHop.Try(LINE, List.of(Upstreams.of("a", UpstreamProtocol.SOCKS5, deadPort()),
                        Upstreams.of("b", UpstreamProtocol.SOCKS5, deadPort()),
                        Upstreams.of("c", UpstreamProtocol.SOCKS5, deadPort())),
                        new TryLimits(2, Duration.ofSeconds(1))), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.tried()).isEqualTo(2));
        assertThat(reports.list()).containsExactly("a=FAILED", "b=FAILED");
    }

    @Test
    void anUnknownUpstreamNameFailsAndAnUnroutableAddressIsNotCounted() throws Exception {
        Upstream unknown = new Upstream("nowhere", UpstreamProtocol.SOCKS5, "nowhere.invalid", 1080, NameResolution.AUTO,
                null, UpstreamAuth.NONE, null, Duration.ofSeconds(1));
        Dialer unroutable = new Dialer(DialerTest::literal, address -> Optional.of(new Route.NoRoute("no route to " + address)),
                reports, Duration.ofSeconds(10));

        Dialed dialed = unroutable.dial(new NextHop.Try(LINE, List.of(unknown,
                Upstreams.of("local", UpstreamProtocol.SOCKS5, deadPort())), new TryLimits(8, Duration.ofSeconds(1))), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.failures())
                .extracting(Attempt::reason).containsExactly("unknown host", "no route to /127.0.0.1"));
        assertThat(reports.list()).containsExactly("nowhere=FAILED");
    }

    @Test
    void upstreamsThatCannotCarryTheRequestArePassedOverUntried() throws Exception {
        ScriptedProxy socks4 = proxy(ScriptedProxy.answering(bytes(0, 90, 0, 0, 0, 0, 0, 0)));
        ScriptedProxy http = proxy(ScriptedProxy.answering("HTTP/1.1 200 OK\r\n\r\n".getBytes()));
        DialRequest ipv6 = new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("::1")), 80, "", null);
        DialRequest bind = new DialRequest(Command.BIND, null, List.of(InetAddress.getByName("127.0.0.2")), 21, "", null);

        Dialed noIpv6 = dial(List.of(Upstreams.of("four", UpstreamProtocol.SOCKS4, socks4.port())), ipv6);
        Dialed noBind = dial(List.of(Upstreams.of("http", UpstreamProtocol.HTTP, http.port())), bind);

        assertThat(List.of(noIpv6, noBind)).allSatisfy(dialed -> assertThat(dialed)
                .isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.tried()).isZero()));
        assertThat(socks4.accepts() + http.accepts()).isZero();
        assertThat(reports.list()).isEmpty();
    }

    @Test
    void aNameNeedingAnAddressFailsAsHostUnreachable() throws Exception {
        DialRequest unresolved = new DialRequest(Command.CONNECT, "far.test", List.of(), 80, "", null);

        Dialed dialed = dial(List.of(Upstreams.of("four", UpstreamProtocol.SOCKS4, deadPort())), unresolved);

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class,
                failed -> assertThat(failed.refusal()).isEqualTo(Refusal.HOST_UNREACHABLE));
    }

    @Test
    void aLoginAndTheNameGoUpstreamAndAWildcardBoundBecomesOurAddress() throws Exception {
        ScriptedProxy proxy = proxy(ScriptedProxy.answering(bytes(5, 2), bytes(1, 0), bytes(5, 0, 0, 1, 0, 0, 0, 0, 0, 0)));
        Upstream withLogin = Upstreams.withLogin("l", UpstreamProtocol.SOCKS5, proxy.port(), new Login("bob", "pw"));

        Dialed dialed = dial(List.of(withLogin), new DialRequest(Command.CONNECT, "far.test", List.of(), 80, "", null));

        Dialed.Connected connected = (Dialed.Connected) dialed;
        opened.add(connected.channel());
        assertThat(connected.bound()).isEqualTo(connected.channel().getLocalAddress());
        byte[] expected = bytes(5, 1, 2, 1, 3, 'b', 'o', 'b', 2, 'p', 'w', 5, 1, 0, 3, 8, 'f', 'a', 'r', '.', 't', 'e', 's', 't', 0, 80);
        Await.until(() -> Arrays.equals(proxy.received(), expected), "the upstream got the login and name");
    }

    @Test
    void anOversizedHttpHeadIsAFailure() throws Exception {
        byte[] endless = ("HTTP/1.1 200 OK\r\nX: " + "y".repeat(HttpHop.MAX_HEAD)).getBytes();
        ScriptedProxy http = proxy(ScriptedProxy.answering(endless));

        Dialed dialed = dial(List.of(Upstreams.of("h", UpstreamProtocol.HTTP, http.port())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.failures())
                .extracting(Attempt::reason).containsExactly("response head longer than 8192 bytes"));
        assertThat(reports.list()).containsExactly("h=FAILED");
    }

    private Dialed dial(List<Upstream> upstreams, DialRequest request) throws InterruptedException {
        return new Dialer(DialerTest::literal, address -> Optional.empty(), reports, Duration.ofSeconds(10))
                .dial(new NextHop.Try(LINE, upstreams, new TryLimits(8, Duration.ofMillis(300))), request);
    }

    private ScriptedProxy proxy(ScriptedProxy proxy) {
        opened.add(proxy);
        return proxy;
    }

    static DialRequest connect() throws UnknownHostException {
        return new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("127.0.0.2")), 17007, "alice", null);
    }

    /** Address literals only: the one name these tests use is one that never resolves. */
    static List<InetAddress> literal(String host) {
        try {
            return host.endsWith(".invalid") ? List.of() : List.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** A port on 127.0.0.1 that nothing listens on: connecting is refused at once. */
    static int deadPort() throws IOException {
        try (ServerSocketChannel closed = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            return closed.socket().getLocalPort();
        }
    }
}
