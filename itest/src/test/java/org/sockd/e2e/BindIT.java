package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOCKS 4 and SOCKS 5 BIND through the built daemon on a single-homed host (no route file): the
 * listener is on the address the client reached, only the host the request names may connect in
 * (any host for 0.0.0.0), the relay is exact both ways, and the classic lines are logged.
 */
class BindIT {

    private static final InetAddress LOOPBACK = Sockets.address("127.0.0.1");
    private static final InetAddress OTHER_HOST = Sockets.address("127.0.0.2");
    private static final InetAddress DENIED = Sockets.address("127.0.0.9");
    private static final InetAddress ANY = Sockets.address("0.0.0.0");
    /** The port of the application server a BIND names; the daemon only reports it. */
    private static final int SERVER_PORT = 2121;

    @AutoClose
    private static Daemon daemon;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start("""
                deny   127.0.0.0 255.0.0.0 127.0.0.9 255.255.255.255
                permit 127.0.0.0 255.0.0.0
                """);
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void theExpectedPeerIsRelayedBothWaysByteExactWithHalfClose(int version) throws Exception {
        String user = version == BindClient.SOCKS4 ? "alice" : "";
        try (BindClient client = BindClient.open(version, daemon.address())) {
            BindClient.Reply first = client.bind(LOOPBACK, SERVER_PORT, user);
            assertThat(first.granted()).as(first.toString()).isTrue();
            assertThat(first.address().getAddress()).as("the address the client reached").isEqualTo(LOOPBACK);
            assertThat(first.address().getPort()).as("the real listening port").isNotZero();

            try (Socket peer = peerFrom(LOOPBACK, first.address())) {
                BindClient.Reply second = client.reply();
                assertThat(second.granted()).as(second.toString()).isTrue();
                assertThat(second.address()).as("the peer that connected in")
                        .isEqualTo(new InetSocketAddress(LOOPBACK, peer.getLocalPort()));
                String request = "Bind from " + user + "(unknown)@localhost for localhost";
                daemon.awaitLine(line -> line.contains("connected -- " + request + " (" + peer.getLocalPort() + ")"), 10);

                byte[] up = Sockets.randomBytes(1024 * 1024, 1);
                byte[] down = Sockets.randomBytes(2 * 1024 * 1024, 2);
                exchangeAtOnce(client.socket(), up, peer, down);

                // half-close: the peer still answers after the client's end of stream
                client.socket().shutdownOutput();
                assertThat(peer.getInputStream().read()).as("the client's half-close reaches the peer").isEqualTo(-1);
                peer.getOutputStream().write("after half-close".getBytes());
                peer.shutdownOutput();
                assertThat(new String(client.input().readAllBytes())).isEqualTo("after half-close");

                daemon.awaitLine(line -> line.contains("terminated -- " + request + " (" + peer.getLocalPort() + ")."), 10);
                daemon.awaitLine(line -> line.endsWith(up.length + " bytes from localhost, "
                        + (down.length + "after half-close".length()) + " bytes from localhost"), 10);
            }
        }
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void aPeerFromAnotherHostGetsTheFailureReplyAndBothSocketsAreClosed(int version) throws Exception {
        try (BindClient client = BindClient.open(version, daemon.address())) {
            BindClient.Reply first = client.bind(LOOPBACK, SERVER_PORT, "mallory");
            assertThat(first.granted()).as(first.toString()).isTrue();
            try (Socket intruder = peerFrom(OTHER_HOST, first.address())) {
                BindClient.Reply second = client.reply();
                assertRefused(second, 91);
                assertThat(client.closedByDaemon()).as("the client's connection is closed").isTrue();
                assertThat(BindClient.isClosed(intruder)).as("the wrong peer's connection is closed").isTrue();
                String user = version == BindClient.SOCKS4 ? "mallory" : "";
                daemon.awaitLine(line -> line.contains("failed -- Bind from " + user + "(unknown)@localhost for localhost."
                        + " Error: connected to wrong host 127.0.0.2 (" + intruder.getLocalPort() + ")"), 10);
            }
            assertThat(connectable(first.address())).as("the listener is gone after its one connection").isFalse();
        }
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void aRequestNamingTheWildcardAddressAcceptsAPeerFromAnyHost(int version) throws Exception {
        try (BindClient client = BindClient.open(version, daemon.address())) {
            BindClient.Reply first = client.bind(ANY, SERVER_PORT, "bob");
            assertThat(first.granted()).as(first.toString()).isTrue();
            try (Socket peer = peerFrom(OTHER_HOST, first.address())) {
                BindClient.Reply second = client.reply();
                assertThat(second.granted()).as(second.toString()).isTrue();
                assertThat(second.address()).isEqualTo(new InetSocketAddress(OTHER_HOST, peer.getLocalPort()));
                exchangeAtOnce(client.socket(), "hello peer".getBytes(), peer, "hello client".getBytes());
                daemon.awaitLine(line -> line.contains("connected -- Bind from ")
                        && line.contains("for Unspecified.Host (" + peer.getLocalPort() + ")"), 10);
            }
        }
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void theAccessRulesApplyToBind(int version) throws Exception {
        try (BindClient client = BindClient.open(version, daemon.address())) {
            BindClient.Reply reply = client.bind(DENIED, SERVER_PORT, "carol");
            assertRefused(reply, 91);
            if (version == BindClient.SOCKS5) {
                assertThat(reply.code()).as("REP: not allowed by the rule set").isEqualTo(2);
            }
            assertThat(client.closedByDaemon()).as("closed after the refusal").isTrue();
            String user = version == BindClient.SOCKS4 ? "carol" : "";
            daemon.awaitLine(line -> line.contains("refused -- Bind from " + user + "(unknown)@localhost for 127.0.0.9"), 10);
        }
    }

    /** The core's {@code bind.timeout.ms}, set in a Config Admin file of the directory {@code --config-dir} names. */
    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void aBindNobodyConnectsToTimesOut(int version) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sockd.core.cfg"), "bind.timeout.ms=1500\n");
        try (Daemon shortWait = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "--config-dir", config.toString())) {
            try (BindClient client = BindClient.open(version, shortWait.address())) {
                BindClient.Reply first = client.bind(LOOPBACK, SERVER_PORT, "dave");
                assertThat(first.granted()).as(first.toString()).isTrue();
                long started = System.nanoTime();
                BindClient.Reply second = client.reply();
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertRefused(second, 91);
                assertThat(waited).as("milliseconds until the second reply").isBetween(1000L, 10_000L);
                assertThat(client.closedByDaemon()).as("closed after the timeout").isTrue();
                assertThat(connectable(first.address())).as("the listener is closed").isFalse();
            } catch (IOException | AssertionError e) {
                throw new AssertionError("daemon output:\n" + String.join("\n", shortWait.output()), e);
            }
            String user = version == BindClient.SOCKS4 ? "dave" : "";
            shortWait.awaitLine(line -> line.contains("timed-out -- Bind from " + user + "(unknown)@localhost for localhost"), 10);
        }
    }

    /** SOCKS 4 has one failure code; SOCKS 5 any nonzero REP. */
    private static void assertRefused(BindClient.Reply reply, int socks4Code) {
        if (reply.version() == BindClient.SOCKS4) {
            assertThat(reply.code()).as(reply.toString()).isEqualTo(socks4Code);
        } else {
            assertThat(reply.code()).as(reply.toString()).isNotZero();
        }
    }

    /** A peer that connects in from a chosen local address, as a host at that address would. */
    private static Socket peerFrom(InetAddress source, InetSocketAddress listener) throws IOException {
        Socket peer = new Socket();
        peer.setSoTimeout(15_000);
        peer.bind(new InetSocketAddress(source, 0));
        peer.connect(listener, 5000);
        return peer;
    }

    private static boolean connectable(InetSocketAddress address) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(address, 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    /** Both sides write everything before reading: only a full-duplex relay gets through. */
    private static void exchangeAtOnce(Socket client, byte[] up, Socket peer, byte[] down) throws Exception {
        Thread clientWriter = Thread.ofVirtual().start(() -> Sockets.write(client, up));
        Thread peerWriter = Thread.ofVirtual().start(() -> Sockets.write(peer, down));
        byte[] atPeer = new DataInputStream(peer.getInputStream()).readNBytes(up.length);
        byte[] atClient = new DataInputStream(client.getInputStream()).readNBytes(down.length);
        clientWriter.join(10_000);
        peerWriter.join(10_000);
        assertThat(MessageDigest.isEqual(atPeer, up)).as("the %d bytes from the client arrive intact", up.length).isTrue();
        assertThat(MessageDigest.isEqual(atClient, down)).as("the %d bytes from the peer arrive intact", down.length).isTrue();
    }
}
