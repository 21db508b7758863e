package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * A real HAProxy (Debian haproxy) in front of one sockd on loopback, configured as the shipped
 * config/examples/haproxy.cfg (mode tcp, send-proxy-v2, health checks): curl's address, not
 * HAProxy's, is the client the rules decide on and the classic log names.
 */
class HaproxyIT {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Path EXAMPLE = ConfigDir.SHIPPED.resolve("examples/haproxy.cfg");
    private static final String RULES = """
            deny 127.0.0.3 255.255.255.255
            permit 127.0.0.0 255.0.0.0
            """;

    @TempDir
    static Path home;

    @AutoClose
    private static WebServer web;
    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private static ChildProcess haproxy;
    private static int front;
    private static int edge;

    @BeforeAll
    static void start() throws Exception {
        requireHaproxy();
        web = new WebServer();
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), Ports.tcp());
        config.set("sockd.log.classic.cfg", "resolve.names", "B\"false\"");
        edge = Ports.tcp();
        config.write("sockd.listener-edge.cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + edge + "\"",
                "proxy.protocol = \"required\"", "proxy.trusted = [\"127.0.0.1/32\"]"));
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData"),
                "--config-dir", config.path().toString(), "-f", rules.toString());
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        daemon.awaitLine(line -> line.contains("listening on 127.0.0.1:" + edge + ", for PROXY protocol headers"), 30);
        daemon.awaitLine(line -> line.contains("admin channel listening on " + daemon.adminSocket()), 30);

        front = Ports.tcp();
        Path cfg = Files.writeString(home.resolve("haproxy.cfg"), fromExample());
        haproxy = ChildProcess.start(new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true));
        Await.until(HaproxyIT::haproxyListens, "HAProxy to listen on 127.0.0.1:" + front);
    }

    /** The shipped example with its front on a free loopback port and one node: this daemon. */
    private static String fromExample() throws IOException {
        String example = Files.readString(EXAMPLE);
        String bind = "    bind :1080\n";
        String nodes = "    server node1 10.0.0.11:1080 send-proxy-v2 check\n"
                + "    server node2 10.0.0.12:1080 send-proxy-v2 check\n";
        assertThat(example).as(EXAMPLE.toString()).contains(bind, nodes);
        return example.replace(bind, "    bind 127.0.0.1:" + front + "\n")
                .replace(nodes, "    server node1 127.0.0.1:" + edge + " send-proxy-v2 check inter 500ms\n");
    }

    @Test
    void theClientCurlConnectsFromIsTheOneTheRulesAndTheLogSee() throws Exception {
        assertThat(curl("127.0.0.2")).isEqualTo(web.body());
        daemon.awaitLine(line -> line.contains("connected -- Connect from (unknown)@127.0.0.2 to 127.0.0.1 ("
                + web.port() + ")"), 10);

        assertThat(curl("127.0.0.3")).contains("Can't complete SOCKS5 connection to 127.0.0.1. (2)"); // REP 02
        daemon.awaitLine(line -> line.contains("refused -- Connect from (unknown)@127.0.0.3 to 127.0.0.1 ("
                + web.port() + ")"), 10);
        assertThat(daemon.output()).noneMatch(line -> line.contains("Connect from (unknown)@127.0.0.1 "));
    }

    @Test
    void haproxysHealthChecksAreClosedQuietly() throws Exception {
        long before = ListenerStatus.of(daemon, edge).sessionsSinceStart();
        // nothing else connects meanwhile: new sessions are HAProxy's checks, one every 500 ms
        Await.until(() -> status().sessionsSinceStart() >= before + 3, Duration.ofSeconds(30),
                "three health checks from HAProxy");

        assertThat(status().proxyHeadersRefused()).isZero();
        assertThat(daemon.output()).noneMatch(line -> line.contains("unserved"));
    }

    private static ListenerStatus status() {
        try {
            return ListenerStatus.of(daemon, edge);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs curl from {@code source} through HAProxy and returns what it printed (the page, or its error). */
    private static String curl(String source) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", "--interface", source,
                "--socks5", "127.0.0.1:" + front, "http://127.0.0.1:" + web.port() + "/")
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void requireHaproxy() {
        if (Files.isExecutable(HAPROXY)) {
            return;
        }
        String message = "needs " + HAPROXY + ": apt-get install haproxy";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it)");
        }
        Assumptions.abort(message);
    }

    private static boolean haproxyListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", front), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
