package org.sockd.core.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.Command;
import org.sockd.api.upstream.Upstream;
import org.sockd.api.upstream.UpstreamProtocol;

/** Bytes really flowing through a real (minimal) SOCKS 5 upstream, after failing over from a dead one. */
@Timeout(20)
class ThroughUpstreamTest {

    @AutoClose
    private final Hops hops = new Hops();

    @Test
    void connectRelaysToTheEchoTargetBehindTheUpstream() throws Exception {
        try (EchoTarget target = new EchoTarget(); Forwarder upstream = new Forwarder()) {
            DialRequest request = new DialRequest(Command.CONNECT, null, List.of(target.address().getAddress()),
                    target.address().getPort(), "", null);

            Dialed.Connected connected = (Dialed.Connected) dial(upstream, request);

            try (SocketChannel channel = connected.channel()) {
                assertThat(connected.bound().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
                channel.write(ByteBuffer.wrap("through one hop".getBytes()));
                channel.shutdownOutput();
                assertThat(new String(channel.socket().getInputStream().readAllBytes())).isEqualTo("through one hop");
            }
        }
        assertThat(hops.reports.list()).containsExactly("dead=FAILED", "live=ACCEPTED");
    }

    @Test
    void bindTellsWhereTheUpstreamListensThenWhoCameAndRelays() throws Exception {
        try (Forwarder upstream = new Forwarder()) {
            DialRequest request = new DialRequest(Command.BIND, null, List.of(InetAddress.getByName("127.0.0.1")), 21,
                    "", null);

            Dialed.Connected first = (Dialed.Connected) dial(upstream, request);

            try (SocketChannel channel = first.channel(); SocketChannel peer = SocketChannel.open(first.bound())) {
                HopAnswer second = first.awaitPeer(Duration.ofSeconds(5));
                assertThat(second).isEqualTo(new HopAnswer.Accepted((InetSocketAddress) peer.getLocalAddress()));
                peer.write(ByteBuffer.wrap("from the peer".getBytes()));
                peer.shutdownOutput();
                assertThat(new String(channel.socket().getInputStream().readAllBytes())).isEqualTo("from the peer");
            }
        }
    }

    @Test
    void aSocks4BindGetsBothRepliesHoweverSplit() throws Exception {
        ScriptedProxy upstream = hops.proxy(ScriptedProxy.answering(ScriptedProxy.oneByOne(0, 90, 0x30, 0x39, 127, 0, 0, 1,
                0, 90, 0x04, 0x00, 127, 0, 0, 2)));

        Dialed.Connected first = bindThrough(Upstreams.of("four", UpstreamProtocol.SOCKS4, upstream.port()));

        assertThat(first.bound()).isEqualTo(new InetSocketAddress("127.0.0.1", 12345));
        assertThat(first.awaitPeer(Duration.ofSeconds(5)))
                .isEqualTo(new HopAnswer.Accepted(new InetSocketAddress("127.0.0.2", 1024)));
    }

    @Test
    void aBindWhosePeerNeverComesFailsWhenTheWaitEnds() throws Exception {
        ScriptedProxy upstream = hops.proxy(ScriptedProxy.answering(Hops.SOCKS5_NO_AUTH,
                ScriptedProxy.bytes(5, 0, 0, 1, 0, 0, 0, 0, 0x30, 0x39)));

        Dialed.Connected first = bindThrough(Upstreams.of("live", UpstreamProtocol.SOCKS5, upstream.port()));

        // the upstream said 0.0.0.0: our client must be told the upstream's own address
        assertThat(first.bound()).isEqualTo(new InetSocketAddress("127.0.0.1", 12345));
        assertThat(first.awaitPeer(Duration.ofMillis(200))).isEqualTo(new HopAnswer.Failed("no answer within 200 ms"));
    }

    /** A BIND for a peer at 127.0.0.2 through a stand-in that answers at once; closed at the test's end. */
    private Dialed.Connected bindThrough(Upstream upstream) throws Exception {
        DialRequest request = new DialRequest(Command.BIND, null, List.of(InetAddress.getByName("127.0.0.2")), 21,
                "ftp", null);
        Dialed.Connected first = (Dialed.Connected) hops.dial(List.of(upstream), request);
        hops.opened.add(first.channel());
        return first;
    }

    private Dialed dial(Forwarder upstream, DialRequest request) throws Exception {
        return hops.dial(List.of(Upstreams.of("dead", UpstreamProtocol.SOCKS5, Hops.deadPort()),
                Upstreams.of("live", UpstreamProtocol.SOCKS5, upstream.port())), request);
    }
}
