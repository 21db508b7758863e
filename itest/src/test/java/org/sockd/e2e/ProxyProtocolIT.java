package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener behind a load balancer (proxy.protocol = "required"): the client a trusted balancer's
 * PROXY header names, version 1 or 2, is the one the rules, the classic log and sockd:sessions see; a connection
 * from elsewhere, or without a valid header in time, is closed unserved, logged and counted in
 * sockd:status; a health check's LOCAL header is closed quietly; BIND and UDP ASSOCIATE replies name
 * the listener's advertise.address; a listener requiring the header without trusted networks does
 * not open. The pretend balancer is 127.0.0.1, its clients 127.0.0.2 and 127.0.0.3.
 */
class ProxyProtocolIT {

    private static final String RULES = """
            deny 127.0.0.3 255.255.255.255
            permit 127.0.0.0 255.0.0.0
            """;
    private static final String ADVERTISED = "192.0.2.7";
    private static final InetAddress BALANCER = address("127.0.0.1");
    private static final InetAddress OTHER_HOST = address("127.0.0.2");
    private static final InetSocketAddress PERMITTED_CLIENT = new InetSocketAddress(address("127.0.0.2"), 41002);
    private static final InetSocketAddress DENIED_CLIENT = new InetSocketAddress(address("127.0.0.3"), 41003);
    /** What the client connected to: the balancer's front. */
    private static final InetSocketAddress FRONT = new InetSocketAddress(address("127.0.0.1"), 1080);

    @TempDir
    static Path home;

    @AutoClose
    private static WebServer web;
    @AutoClose
    private static Daemon daemon;
    private static InetSocketAddress edge;
    private static String listenerName;
    private static ConfigDir config;

    @BeforeAll
    static void start() throws Exception {
        web = new WebServer();
        config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), Ports.tcp());
        config.set("sockd.log.classic.cfg", "resolve.names", "B\"false\"");
        config.set("sockd.core.cfg", "handshake.timeout.ms", "I\"3000\"");
        edge = new InetSocketAddress(BALANCER, Ports.tcp());
        config.write("sockd.listener-edge.cfg", List.of(
                "address = \"127.0.0.1\"",
                "port = I\"" + edge.getPort() + "\"",
                "proxy.protocol = \"required\"",
                "proxy.trusted = [\"127.0.0.1/32\", \"::1/128\"]",
                "advertise.address = \"" + ADVERTISED + "\""));
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData"),
                "--config-dir", config.path().toString(), "-f", rules.toString());
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        daemon.awaitLine(line -> line.endsWith("listening on 127.0.0.1:" + edge.getPort()
                + ", for PROXY protocol headers from 127.0.0.1/32, ::1/128"), 30);
        daemon.awaitLine(line -> line.contains("admin channel listening on " + daemon.adminSocket()), 30);
        listenerName = "127.0.0.1:" + edge.getPort() + " (sockd.listener~edge)";
    }

    @Test
    void theClientOfAVersion1HeaderIsTheOneTheRulesAndTheLogSee() throws Exception {
        try (ProxiedClient denied = ProxiedClient.open(BALANCER, edge)) {
            denied.greet(ProxiedClient.v1(DENIED_CLIENT, FRONT));
            assertThat(denied.request(ProxiedClient.CONNECT, webAddress()).code()).as("not allowed").isEqualTo(2);
        }
        daemon.awaitLine(line -> line.contains("refused -- Connect from (unknown)@127.0.0.3 to 127.0.0.1 ("
                + web.port() + ")"), 10);

        try (ProxiedClient permitted = ProxiedClient.open(BALANCER, edge)) {
            permitted.greet(ProxiedClient.v1(PERMITTED_CLIENT, FRONT));
            assertThat(permitted.request(ProxiedClient.CONNECT, webAddress()).code()).isZero();
            ProgramResult sessions = AdminTools.ctl(daemon.adminSocket(), "sessions");
            assertThat(sessions.out().lines()).as(sessions.toString())
                    .anyMatch(line -> line.contains("127.0.0.2:41002 ") && line.contains("127.0.0.1:" + web.port()))
                    .noneMatch(line -> line.contains("127.0.0.1:" + permitted.local().getPort() + " "));
            assertThat(permitted.get()).endsWith(web.body());
            daemon.awaitLine(line -> line.contains("connected -- Connect from (unknown)@127.0.0.2 to 127.0.0.1 ("
                    + web.port() + ")"), 10);
            daemon.awaitLine(line -> line.contains("listener " + listenerName + ": session ")
                    && line.contains(" serves 127.0.0.2:41002, whose PROXY header came from 127.0.0.1:"
                            + permitted.local().getPort()), 10);
        }
        assertThat(daemon.output()).noneMatch(line -> line.contains("Connect from (unknown)@127.0.0.1 "));
    }

    @Test
    void theClientOfAVersion2HeaderIsTheOneTheRulesAndTheLogSee() throws Exception {
        InetSocketAddress permittedClient = new InetSocketAddress(PERMITTED_CLIENT.getAddress(), 42002);
        try (ProxiedClient denied = ProxiedClient.open(BALANCER, edge)) {
            denied.greet(ProxiedClient.v2(DENIED_CLIENT, FRONT));
            assertThat(denied.request(ProxiedClient.CONNECT, webAddress()).code()).as("not allowed").isEqualTo(2);
        }
        try (ProxiedClient permitted = ProxiedClient.open(BALANCER, edge)) {
            permitted.greet(ProxiedClient.v2(permittedClient, FRONT));
            assertThat(permitted.request(ProxiedClient.CONNECT, webAddress()).code()).isZero();
            assertThat(permitted.get()).endsWith(web.body());
            daemon.awaitLine(line -> line.contains("listener " + listenerName + ": session ")
                    && line.contains(" serves 127.0.0.2:42002, whose PROXY header came from 127.0.0.1:"
                            + permitted.local().getPort()), 10);
        }
    }

    @Test
    void aConnectionWithoutAValidHeaderFromATrustedBalancerInTimeIsClosedUnservedLoggedAndCounted() throws Exception {
        long before = refusedCount();
        try (ProxiedClient noHeader = ProxiedClient.open(BALANCER, edge)) {
            noHeader.send(new byte[] {5, 1, 0});
            assertThat(noHeader.closedWithoutAnswer()).isTrue();
            awaitRefusal(noHeader, "bad PROXY protocol header: not a PROXY protocol header (first byte 0x05)");
        }
        try (ProxiedClient silent = ProxiedClient.open(BALANCER, edge)) {
            assertThat(silent.closedWithoutAnswer()).as("closed at the 3 s handshake timeout").isTrue();
            awaitRefusal(silent, "no PROXY protocol header within the handshake timeout");
        }
        try (ProxiedClient untrusted = ProxiedClient.open(OTHER_HOST, edge)) {
            untrusted.send(ProxiedClient.v1(PERMITTED_CLIENT, FRONT));
            assertThat(untrusted.closedWithoutAnswer()).isTrue();
            awaitRefusal(untrusted, "not from a network in proxy.trusted (127.0.0.1/32, ::1/128)");
        }
        assertThat(refusedCount()).isEqualTo(before + 3);
    }

    @Test
    void aHealthChecksLocalHeaderIsClosedQuietly() throws Exception {
        long before = refusedCount();
        InetSocketAddress balancerEnd;
        try (ProxiedClient healthCheck = ProxiedClient.open(BALANCER, edge)) {
            balancerEnd = healthCheck.local();
            healthCheck.send(ProxiedClient.v2Local());
            assertThat(healthCheck.closedWithoutAnswer()).isTrue();
        }
        // the refusal is counted and logged before the connection closes, so it would show by now
        assertThat(refusedCount()).isEqualTo(before);
        assertThat(daemon.output()).noneMatch(line -> line.contains("from 127.0.0.1:" + balancerEnd.getPort() + " "));
    }

    @Test
    void aBindReplyAdvertisesTheListenersAdvertisedAddressOnThePortReallyBound() throws Exception {
        try (ProxiedClient client = ProxiedClient.open(BALANCER, edge)) {
            client.greet(ProxiedClient.v1(PERMITTED_CLIENT, FRONT));
            ProxiedClient.Reply first = client.request(ProxiedClient.BIND, new InetSocketAddress(BALANCER, 0));
            assertThat(first.code()).isZero();
            assertThat(first.address().getAddress()).isEqualTo(address(ADVERTISED));

            try (Socket peer = new Socket(BALANCER, first.address().getPort())) {
                ProxiedClient.Reply second = client.reply();
                assertThat(second.code()).isZero();
                assertThat(second.address()).isEqualTo(peer.getLocalSocketAddress());
            }
        }
        daemon.awaitLine(line -> line.contains("connected -- Bind from (unknown)@127.0.0.2 "), 10);
    }

    @Test
    void aUdpAssociationAdvertisesTheAddressAndRelaysForTheHeadersClient() throws Exception {
        try (UdpEcho target = new UdpEcho("127.0.0.1");
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(PERMITTED_CLIENT.getAddress(), 0));
                ProxiedClient control = ProxiedClient.open(BALANCER, edge)) {
            udp.setSoTimeout(10_000);
            control.greet(ProxiedClient.v2(PERMITTED_CLIENT, FRONT));
            ProxiedClient.Reply reply = control.request(ProxiedClient.UDP_ASSOCIATE,
                    new InetSocketAddress(PERMITTED_CLIENT.getAddress(), udp.getLocalPort()));
            assertThat(reply.code()).isZero();
            assertThat(reply.address().getAddress()).isEqualTo(address(ADVERTISED));

            // the relay takes datagrams from the header's client, on the node's own address and the advertised port
            byte[] header = ByteBuffer.allocate(10).put(new byte[] {0, 0, 0, 1})
                    .put(target.address().getAddress().getAddress()).putShort((short) target.port()).array();
            byte[] payload = "through the balancer's node".getBytes(StandardCharsets.US_ASCII);
            byte[] datagram = ByteBuffer.allocate(header.length + payload.length).put(header).put(payload).array();
            udp.send(new DatagramPacket(datagram, datagram.length, BALANCER, reply.address().getPort()));
            DatagramPacket echoed = new DatagramPacket(new byte[512], 512);
            udp.receive(echoed);
            assertThat(Arrays.copyOfRange(echoed.getData(), header.length, echoed.getLength())).isEqualTo(payload);
        }
    }

    @Test
    void aListenerRequiringTheHeaderWithoutTrustedNetworksIsRefusedAndDoesNotOpen() throws Exception {
        int port = Ports.tcp();
        config.write("sockd.listener-untrusting.cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + port + "\"",
                "proxy.protocol = \"required\""));
        try {
            daemon.awaitLine(line -> line.contains("error -- sockd.listener configuration sockd.listener~untrusting:"
                    + " proxy.protocol = \"required\" needs proxy.trusted"), 15);
            assertThatThrownBy(() -> new Socket(BALANCER, port).close()).isInstanceOf(ConnectException.class);
        } finally {
            config.delete("sockd.listener-untrusting.cfg");
        }
    }

    private static void awaitRefusal(ProxiedClient client, String reason) throws InterruptedException {
        String peer = client.local().getAddress().getHostAddress() + ":" + client.local().getPort();
        daemon.awaitLine(line -> line.endsWith("listener " + listenerName + ": closed the connection from " + peer
                + " unserved: " + reason), 10);
    }

    private static long refusedCount() throws IOException, InterruptedException {
        return ListenerStatus.of(daemon, edge.getPort()).proxyHeadersRefused();
    }

    private static InetSocketAddress webAddress() {
        return new InetSocketAddress(BALANCER, web.port());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
