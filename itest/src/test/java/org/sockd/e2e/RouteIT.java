package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The route file of a multi-homed host, with loopback addresses as the host's interfaces: a
 * routed CONNECT leaves from its interface, a routed BIND listens on it, an unrouted destination
 * is refused, a broken file never replaces the table in force, and the frozen form routes alike.
 */
class RouteIT {

    private static final InetAddress TARGET_HOST = Sockets.address("127.0.0.1");
    private static final InetAddress CONNECT_INTERFACE = Sockets.address("127.0.0.2");
    private static final InetAddress BIND_INTERFACE = Sockets.address("127.0.0.3");
    private static final InetAddress BIND_PEER = Sockets.address("127.0.0.4");
    private static final InetAddress UNROUTED = Sockets.address("127.0.0.5");
    private static final String PERMIT = "permit 127.0.0.0 255.0.0.0\n";

    /** Tabs, a trailing comment and a comment line: the frozen form keeps the routes, not the layout. */
    private static final String ROUTES = """
            # the target host is reached from 127.0.0.2
            127.0.0.2\t127.0.0.1   255.255.255.255
            127.0.0.3 127.0.0.4 255.255.255.255   # peers of BIND from 127.0.0.4 come in on 127.0.0.3
            """;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @AutoClose
    private static PeerReporter target;
    @AutoClose
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        target = new PeerReporter(TARGET_HOST);
        Path routes = shared.resolve("sockd.route");
        Files.writeString(routes, ROUTES);
        daemon = Daemon.start(PERMIT, "-r", routes.toString());
        awaitRoutes(daemon);
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void aConnectLeavesFromTheRoutedInterface(int version) throws Exception {
        try (BindClient client = BindClient.open(version, daemon.address())) {
            BindClient.Reply reply = client.connect(TARGET_HOST, target.port(), "alice");
            assertThat(reply.granted()).as(reply.toString()).isTrue();
            if (version == BindClient.SOCKS5) {
                assertThat(reply.address().getAddress()).as("BND.ADDR").isEqualTo(CONNECT_INTERFACE);
            }
            assertThat(new String(client.input().readAllBytes(), StandardCharsets.US_ASCII).strip())
                    .as("where the target saw the connection come from").isEqualTo(CONNECT_INTERFACE.getHostAddress());
        }
    }

    @ParameterizedTest(name = "SOCKS {0}")
    @ValueSource(ints = {BindClient.SOCKS4, BindClient.SOCKS5})
    void aBindListensOnTheInterfaceRoutedTowardsThePeer(int version) throws Exception {
        assertBindListensOnTheRoutedInterface(daemon, version);
    }

    @ParameterizedTest(name = "SOCKS {0} {1}")
    @CsvSource({"4, connect", "4, bind", "5, connect", "5, bind"})
    void aDestinationWithoutARouteIsRefused(int version, String command) throws Exception {
        assertUnroutedIsRefused(daemon, version, command);
    }

    @Test
    void aRouteFileWithAnErrorKeepsTheTableInForceAndAGoodOneTakesOver() throws Exception {
        Path routes = dir.resolve("sockd.route");
        Files.writeString(routes, "127.0.0.2 127.0.0.1 255.255.255.255\n");
        try (Daemon routed = Daemon.start(PERMIT, "-r", routes.toString())) {
            awaitRoutes(routed);
            assertThat(sourceSeenByTarget(routed, BindClient.SOCKS5)).isEqualTo("127.0.0.2");

            // line 1 alone would send the target's traffic out of 127.0.0.3; line 2 lacks its mask
            ConfigDir.replace(routes, "127.0.0.3 127.0.0.1 255.255.255.255\n127.0.0.3 127.0.0.1\n");
            String error = routes + ":2: Invalid entry";
            routed.awaitLine(line -> line.contains(error), 15); // the file watcher saw the change
            routed.signal("HUP");
            routed.awaitLines(line -> line.contains(error), 2, 10); // and SIGHUP read it once more
            routed.awaitLine(line -> line.contains("the previous routes stay in force"), 10);
            assertThat(sourceSeenByTarget(routed, BindClient.SOCKS5)).as("still the old table").isEqualTo("127.0.0.2");
            assertThat(sourceSeenByTarget(routed, BindClient.SOCKS4)).as("still the old table").isEqualTo("127.0.0.2");

            ConfigDir.replace(routes, "127.0.0.3 127.0.0.1 255.255.255.255\n");
            routed.signal("HUP");
            routed.awaitLine(line -> line.contains("reloaded 1 routes from"), 10);
            assertThat(sourceSeenByTarget(routed, BindClient.SOCKS5)).as("the new table").isEqualTo("127.0.0.3");
        }
    }

    @Test
    void theFrozenRoundTripKeepsTheRoutesAndTheFrozenFileAloneRoutesAlike() throws Exception {
        Path text = dir.resolve("sockd.route");
        Path frozen = dir.resolve("sockd.fr");
        Files.writeString(text, ROUTES);
        ProgramResult made = tool("make-fr", text.toString(), frozen.toString());
        assertThat(made.exitCode()).as(made.out()).isZero();
        ProgramResult dumped = tool("dump-fr", frozen.toString());
        assertThat(dumped.exitCode()).as(dumped.out()).isZero();
        assertThat(routesOf(dumped.out())).as(dumped.out()).isEqualTo(routesOf(ROUTES)).hasSize(2);

        // the dump is a route file itself: frozen again, it dumps to the same routes
        Path again = dir.resolve("again.route");
        Files.writeString(again, dumped.out());
        ProgramResult remade = tool("make-fr", again.toString(), dir.resolve("again.fr").toString());
        assertThat(remade.exitCode()).as(remade.out()).isZero();
        assertThat(routesOf(tool("dump-fr", dir.resolve("again.fr").toString()).out())).isEqualTo(routesOf(ROUTES));

        Files.delete(text); // the classic lookup: the frozen sockd.fr beside the sockd.route named
        try (Daemon fromFrozen = Daemon.start(PERMIT, "-r", text.toString())) {
            fromFrozen.awaitLine(line -> line.contains("loaded 2 routes from " + frozen + " (frozen from "), 10);
            assertThat(sourceSeenByTarget(fromFrozen, BindClient.SOCKS4)).isEqualTo(CONNECT_INTERFACE.getHostAddress());
            assertBindListensOnTheRoutedInterface(fromFrozen, BindClient.SOCKS4);
            assertUnroutedIsRefused(fromFrozen, BindClient.SOCKS4, "connect");
        }
    }

    /**
     * A routed daemon never lets a request leave from the system's choice of interface, not even
     * right after {@code sockd ready}, and serves every request it accepts. (The core once began
     * serving before the route table and the protocol handlers were bound to it: the first
     * requests were dropped or left from 127.0.0.1.)
     */
    @Test
    void theFirstRequestsAfterReadyAlreadyFollowTheRoutes() throws Exception {
        Path routes = dir.resolve("sockd.route");
        Files.writeString(routes, ROUTES);
        try (Daemon routed = Daemon.start(PERMIT, "-r", routes.toString())) {
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sources.add(sourceSeenByTarget(routed, BindClient.SOCKS5));
            }
            assertThat(sources).as("where the first requests came from; daemon output:\n"
                    + String.join("\n", routed.output())).containsOnly(CONNECT_INTERFACE.getHostAddress());
        }
    }

    // --- what the route table decides, seen from the outside ---

    /** @return the address the target saw the connection come from, or what went wrong */
    private static String sourceSeenByTarget(Daemon routed, int version) throws IOException {
        try (BindClient client = BindClient.open(version, routed.address())) {
            BindClient.Reply reply = client.connect(TARGET_HOST, target.port(), "alice");
            if (!reply.granted()) {
                return "refused: " + reply;
            }
            return new String(client.input().readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static void assertBindListensOnTheRoutedInterface(Daemon routed, int version) throws IOException {
        try (BindClient client = BindClient.open(version, routed.address())) {
            BindClient.Reply first = client.bind(BIND_PEER, 21, "bob");
            assertThat(first.granted()).as(first.toString()).isTrue();
            assertThat(first.address().getAddress()).as("the interface that faces the peer").isEqualTo(BIND_INTERFACE);
            assertThat(first.address().getPort()).isNotZero();
            try (Socket peer = new Socket()) {
                peer.setSoTimeout(10_000);
                peer.bind(new InetSocketAddress(BIND_PEER, 0));
                peer.connect(first.address(), 5000);
                BindClient.Reply second = client.reply();
                assertThat(second.granted()).as(second.toString()).isTrue();
                assertThat(second.address()).isEqualTo(new InetSocketAddress(BIND_PEER, peer.getLocalPort()));
                peer.getOutputStream().write("from the peer".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(client.input().readNBytes(13), StandardCharsets.US_ASCII)).isEqualTo("from the peer");
                client.output().write("from the client".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(peer.getInputStream().readNBytes(15), StandardCharsets.US_ASCII)).isEqualTo("from the client");
            }
        }
    }

    private static void assertUnroutedIsRefused(Daemon routed, int version, String command) throws Exception {
        try (BindClient client = BindClient.open(version, routed.address())) {
            BindClient.Reply reply = command.equals("bind")
                    ? client.bind(UNROUTED, 21, "carol")
                    : client.connect(UNROUTED, target.port(), "carol");
            if (version == BindClient.SOCKS4) {
                assertThat(reply.code()).as(reply.toString()).isEqualTo(91);
            } else {
                assertThat(reply.code()).as(reply.toString()).isNotZero();
            }
            assertThat(client.closedByDaemon()).as("closed after the refusal").isTrue();
        }
        String request = command.equals("bind") ? "Bind from " : "Connect from ";
        routed.awaitLine(line -> line.contains(request) && line.contains(" 127.0.0.5")
                && line.contains("Cannot find appropriate interface to communicate with 127.0.0.5"), 10);
    }

    // --- the daemon and its tools ---

    private static void awaitRoutes(Daemon routed) throws InterruptedException {
        routed.awaitLine(line -> line.contains("loaded ") && line.contains(" routes from "), 10);
    }

    /** The entries of a route file, each as its three fields, without comments or layout. */
    private static List<List<String>> routesOf(String text) {
        return text.lines()
                .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> Arrays.asList(line.split("\\s+")))
                .toList();
    }

    /** Runs make-fr / dump-fr from the bundles inside the built sockd.jar, as bin/sockd does. */
    private static ProgramResult tool(String... args) throws Exception {
        List<String> command = Build.toolCommand(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                "org.sockd.route.internal.RouteFrozenTool", List.of(args));
        return ProgramResult.run(new ProcessBuilder(command).redirectErrorStream(true), null, 30);
    }

    /** A target that tells each client the address the connection came from, then closes it. */
    private static final class PeerReporter implements AutoCloseable {

        private final ServerSocket server;

        PeerReporter(InetAddress host) throws IOException {
            server = new ServerSocket(0, 50, host);
            Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write((client.getInetAddress().getHostAddress() + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed at the end of the test, or the client went away
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
