package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener whose UDP ASSOCIATE relay sockets bind only the ports of its advertise.udp.ports, as a
 * NAT or balancer in front of the node would forward: with two ports, two associations relay on
 * them, a third one is refused (REP 01, logged) while both live and served once one has ended;
 * a range that is no range keeps a listener from opening. Each client has a loopback address of its own.
 */
class AdvertisedUdpPortsIT {

    @TempDir
    static Path home;

    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private static UdpEcho echo;
    private static ConfigDir config;
    private static InetSocketAddress listener;
    private static int first;

    @BeforeAll
    static void start() throws Exception {
        echo = new UdpEcho("127.0.0.1");
        first = Ports.udpPair();
        listener = new InetSocketAddress("127.0.0.1", Ports.tcp());
        config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), listener.getPort());
        config.write("sockd.listener-default.cfg", List.of("address = \"127.0.0.1\"",
                "port = I\"" + listener.getPort() + "\"",
                "advertise.udp.ports = \"" + first + "-" + (first + 1) + "\""));
        Path rules = Files.writeString(home.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\n");
        daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData"),
                "--config-dir", config.path().toString(), "-f", rules.toString());
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        daemon.awaitLine(line -> line.endsWith("listening on 127.0.0.1:" + listener.getPort()), 30);
    }

    @Test
    void associationsTakeThePortsOfTheRangeAndOneMoreIsRefusedUntilOneEnds() throws Exception {
        try (UdpAssociateClient one = open("127.0.0.50");
                UdpAssociateClient two = open("127.0.0.51")) {
            assertThat(List.of(one.relay().getPort(), two.relay().getPort()))
                    .containsExactlyInAnyOrder(first, first + 1);
            assertEchoed(one, "through the first port");
            assertEchoed(two, "through the second port");

            assertThatThrownBy(() -> open("127.0.0.52")).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("UDP ASSOCIATE refused: 0501");
            daemon.awaitLine(line -> line.contains("failed -- UDP associate from (unknown)@127.0.0.52 ")
                    && line.endsWith("every UDP port of advertise.udp.ports " + first + "-" + (first + 1)
                            + " on 127.0.0.1 is in use"), 10);

            int freed = one.relay().getPort();
            one.closeControl();
            daemon.awaitLine(line -> line.contains("terminated -- UDP associate from (unknown)@127.0.0.50 "), 10);
            try (UdpAssociateClient three = open("127.0.0.52")) {
                assertThat(three.relay().getPort()).isEqualTo(freed);
                assertEchoed(three, "through the port given up");
            }
            assertEchoed(two, "still through the second port");
        }
    }

    @Test
    void aListenerWhosePortsAreNoRangeIsRefusedAndDoesNotOpen() throws Exception {
        int port = Ports.tcp();
        config.write("sockd.listener-reversed.cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + port + "\"",
                "advertise.udp.ports = \"40001-40000\""));
        try {
            daemon.awaitLine(line -> line.contains("error -- sockd.listener configuration sockd.listener~reversed:"
                    + " advertise.udp.ports = \"40001-40000\" is not a port range: the first port is above the last"), 15);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            config.delete("sockd.listener-reversed.cfg");
        }
    }

    private static UdpAssociateClient open(String clientAddress) throws IOException {
        return UdpAssociateClient.open(listener, null, null, InetAddress.getByName(clientAddress), true);
    }

    private static void assertEchoed(UdpAssociateClient client, String text) throws IOException {
        client.send(0, echo.address(), text.getBytes(StandardCharsets.UTF_8));
        UdpAssociateClient.Reply reply = client.receive(5000)
                .orElseThrow(() -> new AssertionError("no echo of \"" + text + "\" through " + client.relay()));
        assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(reply.sentBy()).as("the datagram comes from the relay").isEqualTo(client.relay());
    }
}
