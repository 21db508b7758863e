package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sockd.core.internal.chain.Hops.connect;
import static org.sockd.core.internal.chain.Hops.deadPort;
import static org.sockd.core.internal.chain.ScriptedProxy.bytes;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.Command;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.route.Route;
import org.sockd.api.upstream.Login;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.testing.Await;

/** Which upstreams can carry a request, what they are sent, and failures that are not the upstream's. */
@Timeout(20)
class DialerCarriageTest {

    @AutoClose
    private final Hops hops = new Hops();

    @Test
    void anUnknownUpstreamNameFailsAndAnUnroutableAddressIsNotCounted() throws Exception {
        Upstream unknown = new Upstream("nowhere", UpstreamProtocol.SOCKS5, "nowhere.invalid", 1080, NameResolution.AUTO,
                null, UpstreamAuth.NONE, null, Duration.ofSeconds(1));
        Upstream unroutable = Upstreams.of("local", UpstreamProtocol.SOCKS5, deadPort());

        Dialed dialed = hops.dialer(address -> Optional.of(new Route.NoRoute("no route to " + address)))
                .dial(Hops.tryList(List.of(unknown, unroutable), 8, Hops.NEGOTIATE), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.failures())
                .extracting(Attempt::reason, Attempt::kind).containsExactly(
                        tuple("unknown host", Attempt.Kind.UPSTREAM), tuple("no route to /127.0.0.1", Attempt.Kind.LOCAL)));
        assertThat(hops.reports.list()).containsExactly("nowhere=FAILED");
    }

    @Test
    void upstreamsThatCannotCarryTheRequestArePassedOverUntried() throws Exception {
        ScriptedProxy socks4 = hops.proxy(ScriptedProxy.answering(bytes(0, 90, 0, 0, 0, 0, 0, 0)));
        ScriptedProxy http = hops.proxy(ScriptedProxy.answering("HTTP/1.1 200 OK\r\n\r\n".getBytes()));
        DialRequest ipv6 = new DialRequest(Command.CONNECT, null, List.of(InetAddress.getByName("::1")), 80, "", null);
        DialRequest bind = new DialRequest(Command.BIND, null, List.of(InetAddress.getByName("127.0.0.2")), 21, "", null);

        Dialed noIpv6 = hops.dial(List.of(Upstreams.of("four", UpstreamProtocol.SOCKS4, socks4.port())), ipv6);
        Dialed noBind = hops.dial(List.of(Upstreams.of("http", UpstreamProtocol.HTTP, http.port())), bind);

        assertThat(List.of(noIpv6, noBind)).allSatisfy(dialed -> assertThat(dialed)
                .isInstanceOfSatisfying(Dialed.Failed.class, failed -> {
                    assertThat(failed.tried()).isZero();
                    assertThat(failed.failures()).extracting(Attempt::kind).containsExactly(Attempt.Kind.PASSED_OVER);
                }));
        assertThat(socks4.accepts() + http.accepts()).isZero();
        assertThat(hops.reports.list()).isEmpty();
    }

    @Test
    void aNameNeedingAnAddressFailsAsHostUnreachable() throws Exception {
        DialRequest unresolved = new DialRequest(Command.CONNECT, "far.test", List.of(), 80, "", null);

        Dialed dialed = hops.dial(List.of(Upstreams.of("four", UpstreamProtocol.SOCKS4, deadPort())), unresolved);

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class,
                failed -> assertThat(failed.refusal()).isEqualTo(Refusal.HOST_UNREACHABLE));
    }

    @Test
    void aLoginAndTheNameGoUpstreamAndAWildcardBoundBecomesOurAddress() throws Exception {
        ScriptedProxy proxy = hops.proxy(ScriptedProxy.answering(bytes(5, 2), bytes(1, 0),
                bytes(5, 0, 0, 1, 0, 0, 0, 0, 0, 0)));
        Upstream withLogin = Upstreams.withLogin("l", UpstreamProtocol.SOCKS5, proxy.port(), new Login("bob", "pw"));

        Dialed dialed = hops.dial(List.of(withLogin), new DialRequest(Command.CONNECT, "far.test", List.of(), 80, "", null));

        Dialed.Connected connected = (Dialed.Connected) dialed;
        hops.opened.add(connected.channel());
        assertThat(connected.bound()).isEqualTo(connected.channel().getLocalAddress());
        byte[] expected = bytes(5, 1, 2, 1, 3, 'b', 'o', 'b', 2, 'p', 'w', 5, 1, 0, 3, 8, 'f', 'a', 'r', '.', 't', 'e', 's',
                't', 0, 80);
        Await.until(() -> Arrays.equals(proxy.received(), expected), "the upstream got the login and the name");
    }

    @Test
    void aForwardingUpstreamGetsTheClientsOwnLogin() throws Exception {
        ScriptedProxy proxy = hops.proxy(ScriptedProxy.answering(bytes(5, 2), bytes(1, 0),
                bytes(5, 0, 0, 1, 127, 0, 0, 1, 0, 80)));
        Upstream forwarding = new Upstream("f", UpstreamProtocol.SOCKS5, "127.0.0.1", proxy.port(),
                NameResolution.REMOTE, null, UpstreamAuth.FORWARD, null, Upstreams.CONNECT_TIMEOUT);

        Dialed dialed = hops.dial(List.of(forwarding),
                new DialRequest(Command.CONNECT, "far.test", List.of(), 80, "amy", new Login("amy", "pw")));

        hops.opened.add(((Dialed.Connected) dialed).channel());
        byte[] expected = bytes(5, 1, 2, 1, 3, 'a', 'm', 'y', 2, 'p', 'w', 5, 1, 0, 3, 8, 'f', 'a', 'r', '.', 't', 'e', 's',
                't', 0, 80);
        Await.until(() -> Arrays.equals(proxy.received(), expected), "the upstream got the client's login");
    }

    @Test
    void aSocks4UpstreamGetsTheUserIdAndAnHttpUpstreamTheConnectLine() throws Exception {
        ScriptedProxy four = hops.proxy(ScriptedProxy.answering(ScriptedProxy.oneByOne(0, 90, 0, 0, 0, 0, 0, 0)));
        ScriptedProxy http = hops.proxy(ScriptedProxy.answering("HTTP/1.0 200 Connection established\r\n\r\n".getBytes()));

        Dialed viaFour = hops.dial(List.of(Upstreams.of("four", UpstreamProtocol.SOCKS4, four.port())), connect());
        Dialed viaHttp = hops.dial(List.of(Upstreams.of("http", UpstreamProtocol.HTTP, http.port())), connect());

        assertThat(List.of(viaFour, viaHttp)).allSatisfy(dialed -> assertThat(dialed)
                .isInstanceOfSatisfying(Dialed.Connected.class, connected -> hops.opened.add(connected.channel())));
        Await.until(() -> Arrays.equals(four.received(), bytes(4, 1, 0x42, 0x6F, 127, 0, 0, 2, 'a', 'l', 'i', 'c', 'e', 0)),
                "the SOCKS 4 upstream got the user-id");
        Await.until(() -> new String(http.received()).equals(
                "CONNECT 127.0.0.2:17007 HTTP/1.1\r\nHost: 127.0.0.2:17007\r\n\r\n"), "the HTTP upstream got the CONNECT");
        assertThat(hops.reports.list()).containsExactly("four=ACCEPTED", "http=ACCEPTED");
    }

    @Test
    void bytesRightAfterTheAnswerAreLeftForTheRelay() throws Exception {
        ScriptedProxy http = hops.proxy(ScriptedProxy.answering("HTTP/1.1 200 OK\r\n\r\nearly bytes".getBytes()));

        Dialed dialed = hops.dial(List.of(Upstreams.of("h", UpstreamProtocol.HTTP, http.port())), connect());

        Dialed.Connected connected = (Dialed.Connected) dialed;
        hops.opened.add(connected.channel());
        assertThat(connected.channel().socket().getInputStream().readNBytes(11)).isEqualTo("early bytes".getBytes());
    }

    @Test
    void anOversizedHttpHeadIsAFailure() throws Exception {
        byte[] endless = ("HTTP/1.1 200 OK\r\nX: " + "y".repeat(HttpHop.MAX_HEAD)).getBytes();
        ScriptedProxy http = hops.proxy(ScriptedProxy.answering(endless));

        Dialed dialed = hops.dial(List.of(Upstreams.of("h", UpstreamProtocol.HTTP, http.port())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.failures())
                .extracting(Attempt::reason).containsExactly("response head longer than 8192 bytes"));
        assertThat(hops.reports.list()).containsExactly("h=FAILED");
    }
}
