package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * The SOCKSified daemon (-s socks.conf) with real processes on loopback: daemon A chains to
 * daemon B, which alone knows the name far.test; a BIND listens at B; a dead upstream fails over
 * to B and is marked; socks.conf deny, direct and user-list lines; a refusing upstream is final;
 * reload by SIGHUP.
 * The target listens on 127.0.0.2, since 127.0.0.1 always goes direct.
 */
class ChainIT {

    private static final InetAddress TARGET_HOST = Sockets.address("127.0.0.2");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private Path socksConfFile;

    @AutoClose
    private static WebServer target;
    @AutoClose
    private static Daemon far;
    /** Bound but not listening: connections to it are refused, and no other program can take its port. */
    @AutoClose
    private static SocketChannel dead;
    private static int deadPort;

    @BeforeAll
    static void start() throws Exception {
        target = new WebServer(TARGET_HOST);
        Path hosts = shared.resolve("far.hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n127.0.0.2 far.test\n");
        far = Daemon.start(Daemon.Launch.DEFAULT.withJvmOptions("-Djdk.net.hosts.file=" + hosts),
                Files.writeString(shared.resolve("far.conf"), SocksifiedDaemon.PERMIT));
        dead = SocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        deadPort = ((InetSocketAddress) dead.getLocalAddress()).getPort();
    }

    @Test
    void aNameOnlyTheFarDaemonResolvesGoesThroughIt() throws Exception {
        try (Daemon near = near("upstream b socks5://127.0.0.1:" + far.port() + "\nsockd @=b 0.0.0.0 0.0.0.0\n")) {
            assertThat(SocksifiedDaemon.curl(near, "--socks5-hostname", "http://far.test:" + target.port() + "/"))
                    .isEqualTo(target.body());
            near.awaitLine(line -> line.contains("connected -- Connect from")
                    && line.endsWith("to far.test (" + target.port() + ") using sockd at b (127.0.0.1:" + far.port() + ")"), 10);
            far.awaitLine(line -> line.contains("connected -- Connect from") && line.contains("to far.test"), 10);
        }
    }

    @Test
    void aNameThatDoesNotResolveHereCannotGoToASocks4Upstream() throws Exception {
        try (Daemon near = near("upstream b socks4://127.0.0.1:" + far.port() + "\nsockd @=b .test 0.0.0.0\n"
                + "direct 0.0.0.0 0.0.0.0\n");
                BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
            assertThat(client.connect("far.test", target.port()).code()).as("host unreachable").isEqualTo(4);
            near.awaitLine(line -> line.contains("Failed to connect to sockd at b: needs an address"), 10);
        }
    }

    @Test
    void aClassicServerEntryIsReachedOnTheDefaultPortAndGetsTheClientsUserId() throws Exception {
        Path home = dir.resolve("classic");
        try (Daemon near = SocksifiedDaemon.start(home,
                "sockd @=127.0.0.1 127.0.0.2 255.255.255.255\ndirect 0.0.0.0 0.0.0.0\n",
                Map.of("sockd.upstream.socksconf.cfg", List.of("default.port = I\"" + far.port() + "\"")))) {
            assertThat(SocksifiedDaemon.curl(near, "--socks4", "http://127.0.0.2:" + target.port() + "/"))
                    .isEqualTo(target.body());
            assertThat(reply(near, BindClient.SOCKS4, "dave")).isEqualTo(90);
            // the far daemon's hosts file names 127.0.0.2 far.test
            far.awaitLine(line -> line.contains("connected -- Connect from dave(")
                    && line.endsWith("to far.test (" + target.port() + ")"), 10);
            near.awaitLine(line -> line.contains("connected -- Connect from dave(")
                    && line.endsWith("using sockd at 127.0.0.1 (127.0.0.1:" + far.port() + ")"), 10);
        }
    }

    @Test
    void aBindListensAtTheUpstreamAndItsPeerReachesTheClient() throws Exception {
        try (Daemon near = near("upstream b socks5://127.0.0.1:" + far.port() + "\nsockd @=b 0.0.0.0 0.0.0.0\n");
                BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
            BindClient.Reply listening = client.bind(TARGET_HOST, 20, "");
            assertThat(listening.granted()).as(listening.toString()).isTrue();
            try (Socket peer = new Socket()) {
                peer.bind(new InetSocketAddress(TARGET_HOST, 0));
                peer.connect(listening.address(), 5_000);
                BindClient.Reply connected = client.reply();
                assertThat(connected.granted()).as(connected.toString()).isTrue();
                assertThat(connected.address().getAddress()).as("the peer, as the far daemon saw it")
                        .isEqualTo(TARGET_HOST);
                peer.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(client.input().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
            }
            far.awaitLine(line -> line.contains("connected -- Bind from"), 10);
        }
    }

    @Test
    void aDeadUpstreamFailsOverToTheLiveOneAndIsMarkedBad() throws Exception {
        String conf = "upstream dead socks5://127.0.0.1:" + deadPort + "\nupstream b socks5://127.0.0.1:"
                + far.port() + "\nsockd @=dead,b 0.0.0.0 0.0.0.0\n";
        try (Daemon near = near(conf)) {
            assertThat(SocksifiedDaemon.curl(near, "--socks5", "http://127.0.0.2:" + target.port() + "/"))
                    .isEqualTo(target.body());
            near.awaitLine(line -> line.contains("Failed to connect to sockd at dead (127.0.0.1:" + deadPort
                    + "): Connection refused"), 10);
            near.awaitLine(line -> line.contains("connected -- Connect from")
                    && line.endsWith("using sockd at b (127.0.0.1:" + far.port() + ")"), 10);
            near.awaitLine(line -> line.contains("sockd at dead (127.0.0.1:" + deadPort
                    + ") marked bad for 300s after 1 failures"), 10);
            ProgramResult upstreams = AdminTools.ctl(near.adminSocket(), "upstreams");
            assertThat(upstreams.out()).as(upstreams.toString())
                    .containsPattern("dead .* bad, marked \\d+s ago, 1 failures")
                    .contains("b  socks5 127.0.0.1:" + far.port() + "  usable, 0 failures");
        }
    }

    @Test
    void everyUpstreamDeadFailsTheRequest() throws Exception {
        String conf = "upstream d4 socks4://127.0.0.1:" + deadPort + "\nupstream d5 socks5://127.0.0.1:"
                + deadPort + "\nsockd @=d4,d5 0.0.0.0 0.0.0.0\n";
        try (Daemon near = near(conf); ClosingListener quiet = new ClosingListener(TARGET_HOST)) {
            assertThat(reply(near, BindClient.SOCKS5, "", TARGET_HOST, quiet.port())).as("SOCKS 5 general failure")
                    .isEqualTo(1);
            assertThat(reply(near, BindClient.SOCKS4, "", TARGET_HOST, quiet.port())).as("SOCKS 4 rejected")
                    .isEqualTo(91);
            assertThat(quiet.accepts()).as("the target saw nothing").isZero();
            near.awaitLine(line -> line.contains("] sockd - failed -- Connect from")
                    && line.endsWith(".  Error: no SOCKS server reachable (2 tried)"), 10);
        }
    }

    @Test
    void aRefusalByAnUpstreamIsFinal() throws Exception {
        try (Daemon refusing = Daemon.start("deny 0.0.0.0 0.0.0.0\n");
                ClosingListener next = new ClosingListener();
                Daemon near = near("upstream r socks5://127.0.0.1:" + refusing.port()
                        + "\nupstream b socks5://127.0.0.1:" + far.port()
                        + "\nupstream c socks5://127.0.0.1:" + next.port() + "\nsockd @=r,c,b 0.0.0.0 0.0.0.0\n")) {
            assertThat(reply(near, BindClient.SOCKS5, "")).as("the upstream's own refusal").isEqualTo(2);
            assertThat(reply(near, BindClient.SOCKS4, "joe")).as("SOCKS 4 rejected").isEqualTo(91);
            assertThat(next.accepts()).as("the next upstream is never contacted").isZero();
            near.awaitLine(line -> line.contains("refused -- Connect from")
                    && line.endsWith("by sockd at r (127.0.0.1:" + refusing.port() + ") (reply 2)"), 10);
            ProgramResult upstreams = AdminTools.ctl(near.adminSocket(), "upstreams");
            assertThat(upstreams.out()).as("a refusal is no failure").contains(
                    "r  socks5 127.0.0.1:" + refusing.port() + "  usable, 0 failures",
                    "c  socks5 127.0.0.1:" + next.port() + "  usable, 0 failures");
        }
    }

    @Test
    void denyDirectAndUserLinesAndAReloadBySighup() throws Exception {
        Path action = dir.resolve("action");
        String conf = "upstream b socks5://127.0.0.1:" + far.port() + "\n"
                + "deny 127.0.0.3 255.255.255.255 : echo %u %Z > " + action + "\n"
                + "sockd @=b *=alice 0.0.0.0 0.0.0.0\n"
                + "direct 0.0.0.0 0.0.0.0\n";
        try (Daemon near = near(conf)) {
            assertThat(reply(near, BindClient.SOCKS4, "carol", Sockets.address("127.0.0.3"))).isEqualTo(91);
            near.awaitLine(line -> line.contains("refused -- Connect from carol")
                    && line.endsWith("by socks.conf line 2"), 10);
            Await.until(() -> "carol 127.0.0.3\n".equals(SocksifiedDaemon.read(action)),
                    "the deny line's command to write " + action);

            assertThat(reply(near, BindClient.SOCKS4, "alice")).as("alice goes through b").isEqualTo(90);
            near.awaitLine(line -> line.contains("connected -- Connect from alice") && line.contains("using sockd at b"), 10);
            assertThat(reply(near, BindClient.SOCKS4, "bob")).as("bob goes direct").isEqualTo(90);
            near.awaitLines(line -> line.contains("connected -- Connect from bob"), 1, 10);
            assertThat(near.output()).filteredOn(line -> line.contains("using sockd")).hasSize(1);

            ConfigDir.replace(socksConfFile, "deny 0.0.0.0 0.0.0.0\n");
            near.signal("HUP");
            near.awaitLine(line -> line.contains("reloaded 1") && line.contains(socksConfFile.toString()), 10);
            assertThat(reply(near, BindClient.SOCKS5, "alice")).as("now refused by socks.conf").isEqualTo(2);
        }
    }

    @Test
    void aMarkedUpstreamIsPassedOverUntilItsMarkExpiresThenTriedFirstAgain() throws Exception {
        try (ClosingListener failing = new ClosingListener();
                Daemon near = near("route.maxfail: 1\nroute.badexpire: 2\n"
                        + "upstream dead socks4://127.0.0.1:" + failing.port() + "\n"
                        + "upstream live socks4://127.0.0.1:" + far.port() + "\n"
                        + "sockd @=dead,live 127.0.0.2 255.255.255.255\n")) {
            String dead = "dead (127.0.0.1:" + failing.port() + ")";
            assertThat(reply(near, BindClient.SOCKS4, "joe")).as("request 1").isEqualTo(90);
            assertThat(failing.accepts()).isEqualTo(1);
            // "] sockd - ": the logger of the classic lines, the one that reaches syslog (README: Syslog)
            near.awaitLine(line -> line.contains("] sockd - Failed to connect to sockd at " + dead + ": "), 10);
            near.awaitLine(line -> line.contains("] sockd - connected -- Connect from joe(")
                    && line.endsWith("using sockd at live (127.0.0.1:" + far.port() + ")"), 10);
            near.awaitLine(line -> line.contains("] sockd - sockd at " + dead + " marked bad for 2s after 1 failures"), 10);

            assertThat(reply(near, BindClient.SOCKS4, "joe")).as("request 2, while dead is marked").isEqualTo(90);
            assertThat(failing.accepts()).as("a marked upstream comes last, and live accepted").isEqualTo(1);
            assertThat(near.output()).as("the mark had not expired yet")
                    .noneMatch(line -> line.contains("sockd at " + dead + " usable again"));

            // the mark expires by time: sockd:upstreams looks at it, and clears it once 2 s are past
            Await.until(() -> upstreams(near).contains("dead  socks4 127.0.0.1:" + failing.port() + "  usable, 0 failures"),
                    "the mark of dead to expire");
            near.awaitLine(line -> line.contains("] sockd - sockd at " + dead + " usable again"), 10);
            assertThat(reply(near, BindClient.SOCKS4, "joe")).as("request 3").isEqualTo(90);
            assertThat(failing.accepts()).as("dead is tried first again").isEqualTo(2);
        }
    }

    @Test
    void aDenyLineRefusesRunsItsCommandAndContactsNobody() throws Exception {
        Path action = dir.resolve("act");
        try (ClosingListener quiet = new ClosingListener(TARGET_HOST);
                ClosingListener upstream = new ClosingListener();
                Daemon near = near("deny 127.0.0.2 255.255.255.255 eq " + quiet.port() + " : echo %u %Z >> " + action
                        + "\nupstream b socks5://127.0.0.1:" + upstream.port() + "\nsockd @=b 0.0.0.0 0.0.0.0\n")) {
            assertThat(reply(near, BindClient.SOCKS4, "carol", TARGET_HOST, quiet.port())).isEqualTo(91);
            near.awaitLine(line -> line.contains("] sockd - refused -- Connect from carol(")
                    && line.endsWith("to 127.0.0.2 (" + quiet.port() + ") by socks.conf line 1"), 10);
            Await.until(() -> "carol 127.0.0.2\n".equals(SocksifiedDaemon.read(action)),
                    "the deny line's command to write " + action);
            assertThat(reply(near, BindClient.SOCKS5, "", TARGET_HOST, quiet.port())).isEqualTo(2);
            near.awaitLines(line -> line.contains("by socks.conf line 1"), 2, 10);
            assertThat(quiet.accepts() + upstream.accepts()).as("neither the target nor the upstream").isZero();
        }
    }

    @Test
    void aUserFileThatCannotBeOpenedMatchesNobody() throws Exception {
        Path missing = dir.resolve("missing-users");
        try (Daemon near = near("upstream b socks5://127.0.0.1:" + far.port() + "\n"
                + "sockd @=b *=" + missing + " 0.0.0.0 0.0.0.0\ndirect 0.0.0.0 0.0.0.0\n")) {
            assertThat(reply(near, BindClient.SOCKS4, "alice")).isEqualTo(90);
            near.awaitLine(line -> line.contains("Unable to open userfile (" + missing + ")"), 10);
            near.awaitLine(line -> line.contains("connected -- Connect from alice("), 10);
            assertThat(near.output()).as("alice went direct").noneMatch(line -> line.contains("using sockd"));
        }
    }

    @Test
    void anHttpConnectUpstreamCarriesConnectsButNoBind() throws Exception {
        Programs.require(List.of("ncat"), "apt-get install ncat");
        int proxyPort = Ports.tcp();
        try (ChildProcess ncat = ChildProcess.start(new ProcessBuilder("ncat", "-l", "127.0.0.1",
                        Integer.toString(proxyPort), "--proxy-type", "http", "-k").redirectErrorStream(true));
                Daemon near = near("upstream h http://127.0.0.1:" + proxyPort + "\nsockd @=h 0.0.0.0 0.0.0.0\n")) {
            Await.until(() -> listens(proxyPort), "ncat to listen on 127.0.0.1:" + proxyPort);
            assertThat(SocksifiedDaemon.curl(near, "--socks5", "http://127.0.0.2:" + target.port() + "/"))
                    .isEqualTo(target.body());
            near.awaitLine(line -> line.contains("connected -- Connect from")
                    && line.endsWith("using sockd at h (127.0.0.1:" + proxyPort + ")"), 10);

            try (BindClient client = BindClient.open(BindClient.SOCKS4, near.address())) {
                assertThat(client.bind(TARGET_HOST, 20, "joe").code()).as("HTTP CONNECT has no BIND").isEqualTo(91);
            }
            near.awaitLine(line -> line.contains("failed -- Bind from joe(")
                    && line.endsWith("Error: no SOCKS server reachable (0 tried)"), 10);

            ncat.close();
            Await.until(() -> !listens(proxyPort), "ncat to stop listening");
            assertThat(reply(near, BindClient.SOCKS5, "")).as("general failure").isEqualTo(1);
            near.awaitLine(line -> line.contains("Failed to connect to sockd at h (127.0.0.1:" + proxyPort
                    + "): Connection refused"), 10);
        }
    }

    @Test
    void aReloadWithABadComparisonIsRefusedAndTheOldLinesStay() throws Exception {
        try (Daemon near = near("direct 0.0.0.0 0.0.0.0\n")) {
            ConfigDir.replace(socksConfFile, "upstream b socks5://127.0.0.1:" + far.port()
                    + "\nsockd @=b 0.0.0.0 0.0.0.0 eqq 80\n");
            near.signal("HUP");
            near.awaitLine(line -> line.contains(socksConfFile + ":2: Invalid comparison \"eqq\""), 10);
            assertThat(reply(near, BindClient.SOCKS4, "joe")).as("still direct").isEqualTo(90);
            near.awaitLine(line -> line.contains("connected -- Connect from joe("), 10);
            assertThat(near.output()).noneMatch(line -> line.contains("using sockd"));
        }
    }

    @Test
    void theDumpBySigusr1AndBySockdDumpListsTheSocksConfLinesInForce() throws Exception {
        try (Daemon near = near("upstream b socks5://127.0.0.1:" + far.port()
                + "\nsockd @=b 127.0.0.2 255.255.255.255\ndirect 0.0.0.0 0.0.0.0\n")) {
            near.signal("USR1");
            near.awaitLine(line -> line.contains("config dump end"), 10);
            assertThat(near.output()).anyMatch(line -> line.contains("2: sockd @=b 127.0.0.2 255.255.255.255"))
                    .anyMatch(line -> line.contains("3: direct 0.0.0.0 0.0.0.0"));
            ProgramResult dump = AdminTools.ctl(near.adminSocket(), "dump");
            assertThat(dump.out()).as(dump.toString()).contains("2: sockd @=b 127.0.0.2 255.255.255.255",
                    "3: direct 0.0.0.0 0.0.0.0");
        }
    }

    @Test
    void aDirectLineConnectsFromThisDaemonAndTheNextLineSendsTheRestToTheUpstream() throws Exception {
        InetAddress elsewhere = Sockets.address("127.0.0.4");
        try (ClosingListener direct = new ClosingListener(TARGET_HOST);
                WebServer beyond = new WebServer(elsewhere);
                Daemon near = near("direct 127.0.0.2 255.255.255.255\nupstream b socks5://127.0.0.1:" + far.port()
                        + "\nsockd @=b 0.0.0.0 0.0.0.0\n")) {
            assertThat(reply(near, BindClient.SOCKS4, "erin", TARGET_HOST, direct.port())).isEqualTo(90);
            Await.until(() -> direct.accepts() == 1, "the target to be connected directly");
            near.awaitLine(line -> line.contains("connected -- Connect from erin(")
                    && line.endsWith("to 127.0.0.2 (" + direct.port() + ")"), 10);
            assertThat(far.output()).as("b is not asked for 127.0.0.2")
                    .noneMatch(line -> line.contains("(" + direct.port() + ")"));

            assertThat(reply(near, BindClient.SOCKS4, "erin", elsewhere, beyond.port())).isEqualTo(90);
            // SOCKS 5 carries no user-id upstream
            far.awaitLine(line -> line.contains("connected -- Connect from")
                    && line.endsWith("to 127.0.0.4 (" + beyond.port() + ")"), 10);
            near.awaitLine(line -> line.contains("connected -- Connect from erin(")
                    && line.endsWith("using sockd at b (127.0.0.1:" + far.port() + ")"), 10);
        }
    }

    /** What {@code sockd:upstreams} says, through the admin channel. */
    private static String upstreams(Daemon near) {
        try {
            return AdminTools.ctl(near.adminSocket(), "upstreams").out();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Daemon A, with the given socks.conf. */
    private Daemon near(String socksConf) throws IOException, InterruptedException {
        Path home = dir.resolve("home-" + System.nanoTime());
        socksConfFile = home.resolve("socks.conf");
        return SocksifiedDaemon.start(home, socksConf);
    }

    /** A CONNECT to the target through {@code near}: the reply code. */
    private static int reply(Daemon near, int version, String user) throws IOException {
        return reply(near, version, user, TARGET_HOST);
    }

    private static int reply(Daemon near, int version, String user, InetAddress host) throws IOException {
        return reply(near, version, user, host, target.port());
    }

    private static int reply(Daemon near, int version, String user, InetAddress host, int port) throws IOException {
        try (BindClient client = BindClient.open(version, near.address())) {
            return client.connect(host, port, user).code();
        }
    }
}
