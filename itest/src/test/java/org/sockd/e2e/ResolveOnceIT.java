package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A name with several addresses is looked up once and each address is decided on its own: the
 * daemon connects, and sends datagrams, only to an address the rules permit, whichever order the
 * lookup gives. The daemon's hosts file makes {@code forward.test} 127.0.0.1 then 127.0.0.2 and
 * {@code reverse.test} 127.0.0.2 then 127.0.0.1; on the port of each name the rules permit only the
 * second address, and a target listens at both.
 */
class ResolveOnceIT {

    private static final InetAddress FIRST = Sockets.address("127.0.0.1");
    private static final InetAddress SECOND = Sockets.address("127.0.0.2");

    private static Daemon daemon;
    /** Per name: TCP and UDP targets at its denied address [0] and its permitted one [1], on one port each. */
    private static Targets forward;
    private static Targets reverse;

    private record Targets(ServerSocketChannel[] tcp, DatagramChannel[] udp) implements AutoCloseable {

        /** A port another program holds on the second address is tried again. */
        static Targets at(InetAddress denied, InetAddress permitted) throws IOException {
            for (int attempt = 1; ; attempt++) {
                List<NetworkChannel> bound = new ArrayList<>();
                try {
                    ServerSocketChannel tcpDenied = bind(bound, ServerSocketChannel.open(), denied, 0);
                    ServerSocketChannel tcpPermitted = bind(bound, ServerSocketChannel.open(), permitted,
                            tcpDenied.socket().getLocalPort());
                    DatagramChannel udpDenied = bind(bound, DatagramChannel.open(), denied, 0);
                    DatagramChannel udpPermitted = bind(bound, DatagramChannel.open(), permitted,
                            udpDenied.socket().getLocalPort());
                    return new Targets(new ServerSocketChannel[] {tcpDenied, tcpPermitted},
                            new DatagramChannel[] {udpDenied, udpPermitted});
                } catch (BindException e) {
                    for (var channel : bound) {
                        channel.close();
                    }
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        }

        private static <C extends NetworkChannel> C bind(List<NetworkChannel> bound,
                C channel, InetAddress address, int port) throws IOException {
            bound.add(channel);
            channel.bind(new InetSocketAddress(address, port));
            return channel;
        }

        int tcpPort() {
            return tcp[0].socket().getLocalPort();
        }

        int udpPort() {
            return udp[0].socket().getLocalPort();
        }

        /** On each port the permitted address first: the first rule that matches decides. */
        String rules(InetAddress denied, InetAddress permitted) {
            StringBuilder rules = new StringBuilder();
            for (int port : List.of(tcpPort(), udpPort())) {
                rules.append("permit 127.0.0.0 255.0.0.0 ").append(permitted.getHostAddress())
                        .append(" 255.255.255.255 eq ").append(port).append('\n');
                rules.append("deny 127.0.0.0 255.0.0.0 ").append(denied.getHostAddress())
                        .append(" 255.255.255.255 eq ").append(port).append('\n');
            }
            return rules.toString();
        }

        @Override
        public void close() throws IOException {
            for (var channel : List.of(tcp[0], tcp[1], udp[0], udp[1])) {
                channel.close();
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        forward = Targets.at(FIRST, SECOND);
        reverse = Targets.at(SECOND, FIRST);
        Path hosts = Files.createTempFile("resolve-once", ".hosts");
        Files.writeString(hosts, """
                127.0.0.1 localhost
                127.0.0.1 forward.test
                127.0.0.2 forward.test
                127.0.0.2 reverse.test
                127.0.0.1 reverse.test
                """);
        Path rules = Files.createTempFile("resolve-once", ".conf");
        // the last line lets in the UDP ASSOCIATE request itself, which names the client's own address
        Files.writeString(rules, forward.rules(FIRST, SECOND) + reverse.rules(SECOND, FIRST)
                + "permit 127.0.0.0 255.0.0.0\n");
        daemon = Daemon.start(Daemon.Launch.DEFAULT.withJvmOptions("-Djdk.net.hosts.file=" + hosts), rules);
    }

    @AfterAll
    static void stop() throws Exception {
        daemon.close();
        forward.close();
        reverse.close();
    }

    @ParameterizedTest
    @CsvSource({"forward.test, 127.0.0.2", "reverse.test, 127.0.0.1"})
    void aConnectGoesOnlyToThePermittedAddressOfTheName(String name, String permitted) throws Exception {
        Targets targets = targets(name);
        Socket client = connectByName(name, targets.tcpPort());
        try (client; SocketChannel accepted = acceptWithin(targets.tcp()[1])) {
            assertThat(((InetSocketAddress) accepted.getLocalAddress()).getAddress().getHostAddress())
                    .isEqualTo(permitted);
        }
        daemon.awaitLine(line -> line.contains("connected -- Connect from ") && line.contains(
                " to " + name + " (" + targets.tcpPort() + ") at " + permitted), 10);
        targets.tcp()[0].configureBlocking(false);
        assertThat(targets.tcp()[0].accept()).as("the denied address of " + name + " saw no connection").isNull();
    }

    @ParameterizedTest
    @CsvSource({"forward.test", "reverse.test"})
    void aDatagramGoesOnlyToThePermittedAddressOfTheName(String name) throws Exception {
        Targets targets = targets(name);
        byte[] payload = ("to " + name).getBytes(StandardCharsets.US_ASCII);
        // the association is made from 127.0.0.2, whose own address the last rule permits
        try (UdpAssociateClient client = UdpAssociateClient.open(daemon.address(), null, null, SECOND, true)) {
            client.send(0, InetSocketAddress.createUnresolved(name, targets.udpPort()), payload);
            DatagramPacket received = new DatagramPacket(new byte[64], 64);
            targets.udp()[1].socket().setSoTimeout(10_000);
            targets.udp()[1].socket().receive(received);
            assertThat(new String(received.getData(), 0, received.getLength(), StandardCharsets.US_ASCII))
                    .isEqualTo("to " + name);
        }
        targets.udp()[0].configureBlocking(false);
        assertThat(targets.udp()[0].receive(ByteBuffer.allocate(64)))
                .as("the denied address of " + name + " got no datagram").isNull();
    }

    private static Targets targets(String name) {
        return name.equals("forward.test") ? forward : reverse;
    }

    private static SocketChannel acceptWithin(ServerSocketChannel server) throws IOException {
        server.socket().setSoTimeout(10_000);
        return server.socket().accept().getChannel();
    }

    /** A SOCKS 5 CONNECT to {@code name}, sent as a DOMAINNAME; the reply must grant it. */
    private static Socket connectByName(String name, int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        out.write(new byte[] {5, 1, 0});
        byte[] method = new byte[2];
        in.readFully(method);
        byte[] host = name.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(7 + host.length).put(new byte[] {5, 1, 0, 3, (byte) host.length}).put(host)
                .putShort((short) port).array());
        byte[] reply = new byte[10];
        in.readFully(reply);
        assertThat(reply[1]).as("REP of the CONNECT to " + name).isZero();
        return socket;
    }
}
