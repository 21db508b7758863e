package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOCKS 5 UDP ASSOCIATE end to end, on a daemon that requires passwords: PySocks and a
 * hand-written client send datagrams through the association to UDP echo targets on loopback.
 * Each hand-written association comes from a loopback address of its own (127.0.0.30 and up),
 * so that its log lines name it.
 */
class UdpAssociateIT {

    private static final String PASSWORD = "secret";
    /** How long a test waits to be sure that a datagram did not come back. */
    private static final int SILENCE_MILLIS = 500;

    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private static UdpEcho echo;

    @BeforeAll
    static void start() throws Exception {
        echo = new UdpEcho("127.0.0.1");
        Path passwords = AuthPasswordFile.create(Map.of("alice", PASSWORD));
        daemon = AuthDaemon.start("""
                deny 127.0.0.0 255.0.0.0 127.0.0.2 255.255.255.255
                permit 127.0.0.0 255.0.0.0
                """, passwords);
    }

    @Test
    void pySocksDatagramsOfSeveralSizesComeBackExactlyForAnAddressAndAName() throws Exception {
        AuthClients.requirePySocks();
        try (UdpEcho target = new UdpEcho("127.0.0.1")) {
            List<String> sent = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (String host : List.of("127.0.0.1", "localhost")) {
                for (int size : List.of(1, 1400, 8192)) {
                    sent.add(host + ":" + target.port() + ":" + size);
                    expected.add(host + " " + size + " echoed-exactly 127.0.0.1 " + target.port());
                }
            }
            ProgramResult python = pySocksUdp(sent);
            assertThat(python.exitCode()).as("%s", python).isZero();
            assertThat(python.out().lines()).containsExactlyElementsOf(expected);
            assertThat(target.received()).extracting(payload -> payload.length).containsExactly(1, 1400, 8192, 1, 1400, 8192);
        }
    }

    @Test
    void anIpv6TargetOnLoopbackAnswersThroughTheAssociation() throws Exception {
        Assumptions.assumeTrue(ipv6Loopback(), "::1 is not available here");
        AuthClients.requirePySocks();
        try (UdpEcho target = new UdpEcho("::1")) {
            List<String> sent = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int size : List.of(1, 1400, 8192)) {
                sent.add("[::1]:" + target.port() + ":" + size);
                expected.add("::1 " + size + " echoed-exactly ::1 " + target.port());
            }
            ProgramResult python = pySocksUdp(sent);
            assertThat(python.exitCode()).as("%s", python).isZero();
            assertThat(python.out().lines()).containsExactlyElementsOf(expected);

            try (UdpAssociateClient client = open("127.0.0.30", true)) {
                client.send(0, target.address(), bytes("six"));
                UdpAssociateClient.Reply reply = client.receive(5000).orElseThrow(() -> new AssertionError("no echo from ::1"));
                assertThat(HexFormat.of().formatHex(reply.header()))
                        .isEqualTo("000000" + "04" + "00000000000000000000000000000001" + hexPort(target.port()));
                assertThat(reply.payload()).isEqualTo(bytes("six"));
            }
        }
    }

    @Test
    void repliesCarryTheSocks5HeaderOfTheTargetForAnAddressAndAName() throws Exception {
        try (UdpAssociateClient client = open("127.0.0.31", true)) {
            for (InetSocketAddress destination : List.of(echo.address(),
                    InetSocketAddress.createUnresolved("localhost", echo.port()))) {
                client.send(0, destination, bytes("to " + destination));
                UdpAssociateClient.Reply reply = client.receive(5000)
                        .orElseThrow(() -> new AssertionError("no echo for " + destination));
                // a name is answered with the address it was sent to
                assertThat(HexFormat.of().formatHex(reply.header())).isEqualTo("000000" + "01" + "7f000001" + hexPort(echo.port()));
                assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo("to " + destination);
                assertThat(reply.sentBy()).as("the datagram comes from the relay").isEqualTo(client.relay());
            }
        }
        daemon.awaitLine(line -> line.contains("terminated -- UDP associate from alice(unknown)@127.0.0.31 for 127.0.0.31."), 10);
    }

    @Test
    void fragmentsAreDroppedAndCounted() throws Exception {
        try (UdpEcho target = new UdpEcho("127.0.0.1");
                UdpAssociateClient client = open("127.0.0.32", true)) {
            client.send(1, target.address(), bytes("fragment one"));
            client.send(0x81, target.address(), bytes("last fragment"));
            assertThat(client.receive(SILENCE_MILLIS)).as("an echo of a fragment").isEmpty();
            client.send(0, target.address(), bytes("whole"));
            assertThat(client.receive(5000).map(reply -> new String(reply.payload(), StandardCharsets.UTF_8))).contains("whole");
            assertThat(target.receivedText()).containsExactly("whole");
        }
        daemon.awaitLine(line -> line.endsWith(
                "UDP associate from alice(unknown)@127.0.0.32 for 127.0.0.32: dropped datagrams fragment=2"), 10);
    }

    @Test
    void aDatagramToADeniedDestinationIsDroppedAndCounted() throws Exception {
        try (UdpEcho denied = new UdpEcho("127.0.0.2");
                UdpAssociateClient client = open("127.0.0.33", true)) {
            client.send(0, denied.address(), bytes("to the denied host"));
            assertThat(client.receive(SILENCE_MILLIS)).as("an echo from the denied host").isEmpty();
            client.send(0, echo.address(), bytes("to the permitted host"));
            assertThat(client.receive(5000).map(reply -> new String(reply.payload(), StandardCharsets.UTF_8)))
                    .contains("to the permitted host");
            // datagrams are relayed in order: had the first gone out, it would be there by now
            assertThat(denied.received()).isEmpty();
        }
        daemon.awaitLine(line -> line.endsWith(
                "UDP associate from alice(unknown)@127.0.0.33 for 127.0.0.33: dropped datagrams denied=1"), 10);
    }

    @Test
    void closingTheControlConnectionEndsTheAssociation() throws Exception {
        try (UdpEcho target = new UdpEcho("127.0.0.1");
                UdpAssociateClient client = open("127.0.0.34", true)) {
            client.send(0, target.address(), bytes("before"));
            assertThat(client.receive(5000)).as("the echo while the association lives").isPresent();

            client.closeControl();
            // the shipped idle limit is 2 minutes: an end within 10 s is the close's doing
            daemon.awaitLine(line -> line.contains("terminated -- UDP associate from alice(unknown)@127.0.0.34 for 127.0.0.34."), 10);

            client.send(0, target.address(), bytes("after"));
            assertThat(client.receive(SILENCE_MILLIS)).as("an echo after the association ended").isEmpty();
            assertThat(target.receivedText()).containsExactly("before");
        }
    }

    /**
     * Only the client's address and port may use the relay: the port it announced in the
     * request, or else the one its first datagram came from.
     */
    @ParameterizedTest(name = "port announced in the request: {0}")
    @ValueSource(booleans = {true, false})
    void datagramsFromAnotherPortOrAddressAreDropped(boolean announcePort) throws Exception {
        String source = announcePort ? "127.0.0.35" : "127.0.0.36";
        List<String> expected = new ArrayList<>();
        try (UdpEcho target = new UdpEcho("127.0.0.1");
                UdpAssociateClient client = open(source, announcePort);
                DatagramSocket otherPort = new DatagramSocket(new InetSocketAddress(source, 0));
                DatagramSocket otherAddress = new DatagramSocket(new InetSocketAddress("127.0.0.37", 0))) {
            if (!announcePort) {
                client.send(0, target.address(), bytes("first"));
                assertThat(client.receive(5000)).as("the echo of the first datagram").isPresent();
                expected.add("first");
            }
            client.sendFrom(otherPort, 0, target.address(), bytes("from another port"));
            client.sendFrom(otherAddress, 0, target.address(), bytes("from another address"));
            assertThat(UdpAssociateClient.receiveOn(otherPort, SILENCE_MILLIS)).isEmpty();
            assertThat(UdpAssociateClient.receiveOn(otherAddress, 100)).isEmpty();
            assertThat(client.receive(100)).isEmpty();

            client.send(0, target.address(), bytes("from the client"));
            assertThat(client.receive(5000).map(reply -> new String(reply.payload(), StandardCharsets.UTF_8)))
                    .contains("from the client");
            expected.add("from the client");
            assertThat(target.receivedText()).containsExactlyElementsOf(expected);
        }
        daemon.awaitLine(line -> line.endsWith("UDP associate from alice(unknown)@" + source + " for " + source
                + ": dropped datagrams not-from-client=2"), 10);
    }

    private static UdpAssociateClient open(String clientAddress, boolean announcePort) throws Exception {
        return UdpAssociateClient.open(daemon.address(), "alice", PASSWORD, InetAddress.getByName(clientAddress), announcePort);
    }

    private static ProgramResult pySocksUdp(List<String> targets) throws Exception {
        List<String> args = new ArrayList<>(List.of(Integer.toString(daemon.port()), "alice", PASSWORD));
        args.addAll(targets);
        return AuthClients.python("pysocks_udp_echo.py", args);
    }

    private static boolean ipv6Loopback() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            return socket.isBound();
        } catch (SocketException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hexPort(int port) {
        return HexFormat.of().toHexDigits((short) port);
    }
}
