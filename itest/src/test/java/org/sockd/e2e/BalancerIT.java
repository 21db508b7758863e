package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * Two sockd nodes with one configuration behind a real HAProxy, configured as the shipped
 * config/examples/haproxy-two-nodes.cfg (mode tcp, send-proxy-v2, an HTTP check of each node's
 * /health/ready): clients spread over both nodes, each of which sees and judges the real client; a
 * drained node leaves the rotation while its running session goes on; a killed node costs only its
 * own sessions; Prometheus scrapes both. In that order: the last test kills a node. Without
 * HAProxy the class is skipped, and the Prometheus test without Debian's prometheus package
 * (promtool, prometheus); in CI (CI=true, where .ci/run installs them) both fail instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancerIT {

    private static final Path EXAMPLE = ConfigDir.SHIPPED.resolve("examples/haproxy-two-nodes.cfg");
    private static final String RULES = """
            deny 127.0.0.3 255.255.255.255
            permit 127.0.0.0 255.0.0.0
            """;
    private static final int CHUNK = 256 * 1024;
    /** Clients sending requests while a node is killed: each can lose at most the one it is sending. */
    private static final int CLIENTS = 2;

    @TempDir
    static Path home;

    @AutoClose
    private static WebServer web;
    @AutoClose
    private static EchoServer echo;
    @AutoClose
    private static BalancedNode node1;
    @AutoClose
    private static BalancedNode node2;
    @AutoClose
    private static Haproxy haproxy;
    @AutoClose
    private static Prometheus prometheus;
    private static int front;

    @BeforeAll
    static void start() throws Exception {
        Haproxy.require();
        web = new WebServer();
        echo = new EchoServer();
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        node1 = BalancedNode.start("node1", home.resolve("node1"), rules);
        node2 = BalancedNode.start("node2", home.resolve("node2"), rules);
        node1.awaitReady();
        node2.awaitReady();
        if (Programs.onPath("prometheus")) { // started early: it scrapes while the other tests run
            prometheus = Prometheus.scraping(Files.createDirectories(home.resolve("prometheus")),
                    List.of(node1.httpAddress(), node2.httpAddress()));
        }
        front = Ports.tcp();
        haproxy = Haproxy.start(Files.writeString(home.resolve("haproxy.cfg"), fromExample()), front);
    }

    /** The shipped example with its front on a free loopback port, the two nodes, and checks twice a second. */
    private static String fromExample() throws IOException {
        String example = Files.readString(EXAMPLE);
        String bind = "    bind :1080\n";
        String timing = "    default-server inter 2s fall 2 rise 2\n";
        String nodes = "    server node1 10.0.0.11:1080 send-proxy-v2 check port 9100\n"
                + "    server node2 10.0.0.12:1080 send-proxy-v2 check port 9100\n";
        assertThat(example).as(EXAMPLE.toString()).contains(bind, timing, nodes);
        return example.replace(bind, "    bind 127.0.0.1:" + front + "\n")
                .replace(timing, "    default-server inter 500ms fall 2 rise 1\n")
                .replace(nodes, server(node1) + server(node2));
    }

    private static String server(BalancedNode node) {
        return "    server " + node.name() + " 127.0.0.1:" + node.port() + " send-proxy-v2 check port "
                + node.httpPort() + "\n";
    }

    @Test
    @Order(1)
    void requestsSpreadOverBothNodesWhichSeeAndJudgeTheRealClient() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(curl("127.0.0.2").out()).isEqualTo(web.body());
        }
        for (int i = 0; i < 10; i++) {
            assertThat(curl("127.0.0.3").out()).contains("Can't complete SOCKS5 connection to 127.0.0.1. (2)");
        }

        String served = servedLine();
        String refused = "refused -- Connect from (unknown)@127.0.0.3 to 127.0.0.1 (" + web.port() + ")";
        Await.until(() -> node1.lines(served) + node2.lines(served) == 10
                && node1.lines(refused) + node2.lines(refused) == 10, "the nodes to log all 20 requests");
        for (BalancedNode node : List.of(node1, node2)) {
            assertThat(node.lines(served)).as(node + " served some requests from 127.0.0.2").isPositive();
            assertThat(node.lines(refused)).as(node + " refused some requests from 127.0.0.3").isPositive();
            assertThat(node.lines("Connect from (unknown)@127.0.0.1 to 127.0.0.1 (" + web.port() + ")"))
                    .as(node + " named HAProxy's address as the client").isZero();
        }
    }

    @Test
    @Order(2)
    void aDrainedNodeLeavesTheRotationWhileItsRunningSessionGoesOnUntilUndrain() throws Exception {
        String streamLine = "connected -- Connect from (unknown)@127.0.0.1 to 127.0.0.1 (" + echo.address().getPort() + ")";
        BalancedNode drained;
        try (Socks5Client.Connection stream = Socks5Client.connect(front(), echo.address())) {
            assertThat(stream.reply()).isZero();
            stream.roundTrip(random(CHUNK));
            drained = awaitNodeLogging(streamLine);
            BalancedNode other = drained == node1 ? node2 : node1;

            long downs = haproxy.downs("sockd/" + drained);
            ProgramResult drain = AdminTools.ctl(drained.daemon().adminSocket(), "drain");
            assertThat(drain.exitCode()).as(drain.toString()).isZero();
            assertThat(haproxy.awaitDown("sockd/" + drained, downs + 1, 30)).contains("code: 503");

            String served = servedLine();
            long drainedServed = drained.lines(served);
            long otherServed = other.lines(served);
            for (int i = 0; i < 6; i++) {
                assertThat(curl("127.0.0.2").out()).isEqualTo(web.body());
            }
            Await.until(() -> other.lines(served) == otherServed + 6, "the other node to serve the 6 new requests");
            assertThat(drained.lines(served)).as("new requests on the drained node").isEqualTo(drainedServed);

            for (int i = 0; i < 16; i++) {
                stream.roundTrip(random(CHUNK)); // 4 MiB more through the drained node, each byte checked
            }
        }

        long ups = haproxy.ups("sockd/" + drained);
        ProgramResult undrain = AdminTools.ctl(drained.daemon().adminSocket(), "undrain");
        assertThat(undrain.exitCode()).as(undrain.toString()).isZero();
        haproxy.awaitUp("sockd/" + drained, ups + 1, 30);
        long before = drained.lines(servedLine());
        for (int i = 0; i < 10 && drained.lines(servedLine()) == before; i++) {
            assertThat(curl("127.0.0.2").out()).isEqualTo(web.body());
        }
        Await.until(() -> drained.lines(servedLine()) > before, "the undrained node to serve again");
    }

    @Test
    @Order(3)
    void promtoolAcceptsEachNodesMetricsAndPrometheusScrapesBoth() throws Exception {
        Programs.require(List.of("promtool", "prometheus"), "apt-get install prometheus");
        for (BalancedNode node : List.of(node1, node2)) {
            String metrics = node.endpoint().get("/metrics").body();
            ProgramResult check = ProgramResult.run(new ProcessBuilder("promtool", "check", "metrics"), metrics, 60);
            assertThat(check.exitCode()).as(node + ": " + check).isZero();
            assertThat(check.out() + check.err()).as(node + ": promtool's findings").isEmpty();
        }

        List<String> instances = List.of("\"instance\":\"" + node1.httpAddress() + "\"",
                "\"instance\":\"" + node2.httpAddress() + "\"");
        try {
            Await.until(() -> instances.stream().allMatch(prometheus.query("sockd_sessions_total")::contains),
                    Duration.ofSeconds(60), "Prometheus to have sockd_sessions_total of both nodes");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + prometheus.query("sockd_sessions_total")
                    + "\nPrometheus said:\n" + String.join("\n", prometheus.output()), e);
        }
    }

    @Test
    @Order(4)
    void killingANodeLosesOnlyItsSessionsAndTheOtherServesTheNextRequests() throws Exception {
        try (EchoServer first = new EchoServer(); EchoServer second = new EchoServer();
                Socks5Client.Connection onVictim = Socks5Client.connect(front(), first.address());
                Socks5Client.Connection onSurvivor = Socks5Client.connect(front(), second.address())) {
            BalancedNode victim = awaitNodeLogging("to 127.0.0.1 (" + first.address().getPort() + ")");
            BalancedNode survivor = awaitNodeLogging("to 127.0.0.1 (" + second.address().getPort() + ")");
            assertThat(survivor).as("leastconn puts the second session on the other node").isNotEqualTo(victim);
            onVictim.roundTrip(random(1024));

            long downs = haproxy.downs("sockd/" + victim);
            long killed;
            long down;
            List<ContinuousRequests.Outcome> outcomes;
            try (ContinuousRequests requests = new ContinuousRequests(CLIENTS, BalancerIT::requestServed)) {
                requests.awaitSuccessesSince(System.nanoTime(), 4);
                killed = System.nanoTime();
                victim.daemon().kill(); // SIGKILL
                haproxy.awaitDown("sockd/" + victim, downs + 1, 30);
                down = System.nanoTime();
                requests.awaitSuccessesSince(down, 10);
                requests.close();
                outcomes = requests.outcomes();
            }

            assertFailover(victim, killed, down, outcomes);

            onSurvivor.roundTrip(random(CHUNK));
            assertThatThrownBy(() -> onVictim.roundTrip(random(1024))).as("the killed node's session")
                    .isInstanceOf(IOException.class);
        }
    }

    /**
     * Prints what the kill cost and checks it: only a request each client had on the killed node may
     * fail, and none sent after HAProxy marked the node down.
     *
     * @param killed {@link System#nanoTime()} at the kill
     * @param down {@link System#nanoTime()} when HAProxy said the node was down
     */
    private static void assertFailover(BalancedNode victim, long killed, long down,
            List<ContinuousRequests.Outcome> outcomes) {
        List<ContinuousRequests.Outcome> failed = outcomes.stream().filter(o -> !o.succeeded()).toList();
        long beforeDown = outcomes.stream().filter(o -> o.started() - killed >= 0 && o.started() - down < 0).count();
        Duration slowest = outcomes.stream().map(ContinuousRequests.Outcome::took).max(Duration::compareTo).orElseThrow();
        System.out.printf("BalancerIT failover: %s killed (SIGKILL); HAProxy marked it DOWN %d ms later; %d requests "
                + "were sent in between; %d of %d requests failed%s; the slowest took %d ms%n", victim,
                Duration.ofNanos(down - killed).toMillis(), beforeDown, failed.size(), outcomes.size(),
                failed.stream().map(o -> " (sent " + Duration.ofNanos(o.started() - killed).toMillis()
                        + " ms after the kill: " + o.failure().orElseThrow() + ")").collect(Collectors.joining()),
                slowest.toMillis());
        assertThat(failed).as("requests lost: at most the one each client had on the killed node")
                .hasSizeLessThanOrEqualTo(CLIENTS);
        assertThat(outcomes).as("requests sent after HAProxy marked the node down")
                .filteredOn(o -> o.started() - down >= 0).allMatch(ContinuousRequests.Outcome::succeeded);
    }

    private static String servedLine() {
        return "connected -- Connect from (unknown)@127.0.0.2 to 127.0.0.1 (" + web.port() + ")";
    }

    /** Waits until one node logs the text, and returns that node. */
    private static BalancedNode awaitNodeLogging(String text) throws InterruptedException {
        Await.until(() -> node1.lines(text) + node2.lines(text) > 0, "a node to log " + text);
        return node1.lines(text) > 0 ? node1 : node2;
    }

    private static InetSocketAddress front() {
        return new InetSocketAddress("127.0.0.1", front);
    }

    /** One request of the continuous ones: curl from 127.0.0.2 through HAProxy. */
    private static void requestServed() throws IOException, InterruptedException {
        ProgramResult curl = curl("127.0.0.2");
        if (curl.exitCode() != 0 || !curl.out().equals(web.body())) {
            throw new IOException("curl exit " + curl.exitCode() + ": " + curl.out());
        }
    }

    /** Runs curl from {@code source} through HAProxy; its output is the page, or its error. */
    private static ProgramResult curl(String source) throws IOException, InterruptedException {
        return ProgramResult.run(new ProcessBuilder("curl", "-sS", "--max-time", "10", "--interface", source,
                "--socks5", "127.0.0.1:" + front, "http://127.0.0.1:" + web.port() + "/").redirectErrorStream(true),
                null, 30);
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }
}
