package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.core.internal.chain.Hops.SOCKS5_GRANTED;
import static org.sockd.core.internal.chain.Hops.SOCKS5_NO_AUTH;
import static org.sockd.core.internal.chain.Hops.connect;
import static org.sockd.core.internal.chain.Hops.deadPort;
import static org.sockd.core.internal.chain.ScriptedProxy.bytes;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.protocol.Refusal;
import org.sockd.api.upstream.NameResolution;
import org.sockd.api.upstream.NextHop;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamAuth;
import org.sockd.api.upstream.UpstreamProtocol;
import org.sockd.common.testing.Await;

/** The try rules: what moves on to the next upstream, what is final, what is reported. */
@Timeout(20)
class DialerTest {

    @AutoClose
    private final Hops hops = new Hops();

    @Test
    void aDeadUpstreamFailsOverToTheLiveOne() throws Exception {
        ScriptedProxy live = hops.proxy(ScriptedProxy.answering(SOCKS5_NO_AUTH, SOCKS5_GRANTED));
        Upstream dead = Upstreams.of("dead", UpstreamProtocol.SOCKS5, deadPort());
        Upstream alive = Upstreams.of("live", UpstreamProtocol.SOCKS5, live.port());

        Dialed dialed = hops.dial(List.of(dead, alive), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Connected.class, connected -> {
            hops.opened.add(connected.channel());
            assertThat(connected.upstream()).isEqualTo(alive);
            assertThat(connected.bound()).isEqualTo(new InetSocketAddress("127.0.0.9", 8080));
            assertThat(connected.serverText()).isEqualTo("live (127.0.0.1:" + live.port() + ")");
            assertThat(connected.failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.server()).startsWith("dead (127.0.0.1:"));
        });
        assertThat(hops.reports.list()).containsExactly("dead=FAILED", "live=ACCEPTED");
    }

    @Test
    void eachAddressOfAnUpstreamIsTriedAndTheUpstreamReportedOnce() throws Exception {
        ScriptedProxy live = hops.proxy(ScriptedProxy.answering(SOCKS5_NO_AUTH, SOCKS5_GRANTED));
        Upstream twice = new Upstream("twice", UpstreamProtocol.SOCKS5, "twice.test", live.port(), NameResolution.AUTO,
                null, UpstreamAuth.NONE, null, Duration.ofSeconds(5));

        Dialed dialed = hops.dial(List.of(twice), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Connected.class, connected -> {
            hops.opened.add(connected.channel());
            assertThat(connected.serverText()).isEqualTo("twice (127.0.0.1:" + live.port() + ")");
            assertThat(connected.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.server()).isEqualTo("twice (127.0.0.3:" + live.port() + ")");
                assertThat(failure.kind()).isEqualTo(Attempt.Kind.UPSTREAM);
            });
        });
        assertThat(hops.reports.list()).containsExactly("twice=ACCEPTED");
    }

    @Test
    void aRefusalIsFinalAndTheNextUpstreamIsNeverContacted() throws Exception {
        ScriptedProxy refusing = hops.proxy(ScriptedProxy.answering(bytes(0, 91, 0, 0, 0, 0, 0, 0)));
        ScriptedProxy next = hops.proxy(ScriptedProxy.answering(SOCKS5_NO_AUTH, SOCKS5_GRANTED));

        Dialed dialed = hops.dial(List.of(Upstreams.of("b", UpstreamProtocol.SOCKS4, refusing.port()),
                Upstreams.of("c", UpstreamProtocol.SOCKS5, next.port())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(91);
            assertThat(refused.refusal()).isEqualTo(Refusal.GENERAL_FAILURE);
        });
        assertThat(next.accepts()).isZero();
        assertThat(hops.reports.list()).containsExactly("b=REFUSED");
    }

    @Test
    void everyUpstreamDeadFailsWithAGeneralFailure() throws Exception {
        Dialed dialed = hops.dial(List.of(Upstreams.of("a", UpstreamProtocol.SOCKS4, deadPort()),
                Upstreams.of("b", UpstreamProtocol.SOCKS5, deadPort())), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> {
            assertThat(failed.refusal()).isEqualTo(Refusal.GENERAL_FAILURE);
            assertThat(failed.tried()).isEqualTo(2);
            assertThat(failed.failures()).hasSize(2);
        });
        assertThat(hops.reports.list()).containsExactly("a=FAILED", "b=FAILED");
    }

    @Test
    void silentMalformedAndCutShortAnswersAreFailuresThatMoveOn() throws Exception {
        ScriptedProxy silent = hops.proxy(ScriptedProxy.answering());
        ScriptedProxy talksHttp = hops.proxy(ScriptedProxy.answering("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()));
        ScriptedProxy cutShort = hops.proxy(ScriptedProxy.endingAfter(bytes(5, 0, 5)));
        ScriptedProxy live = hops.proxy(ScriptedProxy.answering(
                ScriptedProxy.oneByOne(5, 0, 5, 0, 0, 1, 127, 0, 0, 9, 0, 80)));

        List<Upstream> upstreams = List.of(Upstreams.of("silent", UpstreamProtocol.SOCKS5, silent.port()),
                Upstreams.of("http", UpstreamProtocol.SOCKS5, talksHttp.port()),
                Upstreams.of("short", UpstreamProtocol.SOCKS5, cutShort.port()),
                Upstreams.of("live", UpstreamProtocol.SOCKS5, live.port()));

        // short, so the silent one gives up soon; the others have answered before they are asked
        Dialed dialed = hops.dialer(address -> Optional.empty())
                .dial(Hops.tryList(upstreams, 8, Duration.ofMillis(500)), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Connected.class, connected -> {
            hops.opened.add(connected.channel());
            assertThat(connected.failures()).extracting(Attempt::reason)
                    .containsExactly("no answer within 500 ms", "bad method reply version 72", "closed after 1 of 5 bytes");
        });
        assertThat(hops.reports.list()).containsExactly("silent=FAILED", "http=FAILED", "short=FAILED", "live=ACCEPTED");
    }

    @Test
    void maxTriesBoundsTheAddressesTried() throws Exception {
        List<Upstream> three = List.of(Upstreams.of("a", UpstreamProtocol.SOCKS5, deadPort()),
                Upstreams.of("b", UpstreamProtocol.SOCKS5, deadPort()), Upstreams.of("c", UpstreamProtocol.SOCKS5, deadPort()));

        Dialed dialed = hops.dialer(address -> Optional.empty()).dial(Hops.tryList(three, 2, Hops.NEGOTIATE), connect());

        assertThat(dialed).isInstanceOfSatisfying(Dialed.Failed.class, failed -> assertThat(failed.tried()).isEqualTo(2));
        assertThat(hops.reports.list()).containsExactly("a=FAILED", "b=FAILED");
    }

    @Test
    void endingTheSessionInTheMiddleOfATryEndsTheDialWithoutBlamingTheUpstream() throws Exception {
        ScriptedProxy silent = hops.proxy(ScriptedProxy.answering());
        List<SocketChannel> held = new CopyOnWriteArrayList<>();
        Dialer dialer = new Dialer(Hops::literal, address -> Optional.empty(), hops.reports, Duration.ofMinutes(1),
                held::add);
        CompletableFuture<Dialed> dialing = CompletableFuture.supplyAsync(() -> dialQuietly(dialer,
                Hops.tryList(List.of(Upstreams.of("silent", UpstreamProtocol.SOCKS5, silent.port())), 8,
                        Duration.ofMinutes(1))));

        Await.until(() -> held.size() == 1 && silent.received().length == 3, "the dialer waits for the method reply");
        held.getFirst().close();

        assertThat(dialing.get(Await.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOfSatisfying(Dialed.Failed.class,
                failed -> assertThat(failed.failures()).extracting(Attempt::kind).containsExactly(Attempt.Kind.LOCAL));
        assertThat(hops.reports.list()).isEmpty();
    }

    private static Dialed dialQuietly(Dialer dialer, NextHop.Try hop) {
        try {
            return dialer.dial(hop, connect());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
