package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UDP ASSOCIATE on the SOCKSified daemon (-s socks.conf): each datagram's destination is looked up
 * in socks.conf; a direct line sends it, a deny line drops it, and a line naming an upstream drops
 * it too, since UDP never goes through an upstream, nor direct instead. The targets listen on
 * 127.0.0.2-4, since 127.0.0.1 always goes direct.
 */
class SocksifiedUdpIT {

    @TempDir
    Path home;

    @Test
    void datagramsGoDirectOnlyWhereSocksConfSaysDirect() throws Exception {
        try (SocketChannel upstream = SocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                UdpEcho throughUpstream = new UdpEcho("127.0.0.3");
                UdpEcho denied = new UdpEcho("127.0.0.4");
                UdpEcho direct = new UdpEcho("127.0.0.2");
                // the upstream is bound, not listening: nothing but this test can take its port
                Daemon daemon = SocksifiedDaemon.start(home, "upstream b socks5://127.0.0.1:"
                        + ((InetSocketAddress) upstream.getLocalAddress()).getPort() + "\n"
                        + "deny 127.0.0.4 255.255.255.255\n"
                        + "sockd @=b 127.0.0.3 255.255.255.255\n"
                        + "direct 0.0.0.0 0.0.0.0\n")) {
            try (UdpAssociateClient client = UdpAssociateClient.open(daemon.address(), null, null,
                    InetAddress.getByName("127.0.0.40"), true)) {
                client.send(0, throughUpstream.address(), bytes("to the upstream's destination"));
                client.send(0, denied.address(), bytes("to the denied destination"));
                client.send(0, direct.address(), bytes("to the direct destination"));

                assertThat(client.receive(5000).map(reply -> new String(reply.payload(), StandardCharsets.UTF_8)))
                        .as("the echo of the direct destination").contains("to the direct destination");
                // datagrams are relayed in order: had the first two gone out, they would be there by now
                assertThat(throughUpstream.received()).as("datagrams at the upstream's destination").isEmpty();
                assertThat(denied.received()).as("datagrams at the denied destination").isEmpty();
                assertThat(direct.receivedText()).containsExactly("to the direct destination");
            }
            daemon.awaitLine(line -> line.contains("dropping UDP to 127.0.0.3 port " + throughUpstream.port()
                    + ": socks.conf line 3 sends it to an upstream, which cannot carry UDP"), 10);
            daemon.awaitLine(line -> line.endsWith("UDP associate from (unknown)@127.0.0.40 for 127.0.0.40"
                    + ": dropped datagrams denied=1 upstream-unsupported=1"), 10);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
