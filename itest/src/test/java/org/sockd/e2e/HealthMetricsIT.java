package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * The built daemon with {@code sockd.http} configured: /health/live and /health/ready answer, and
 * /metrics counts a session curl relayed. promtool (Debian package {@code prometheus}) checks the
 * format: CI installs it ({@code .ci/run}) and fails without it; elsewhere that test is skipped.
 */
class HealthMetricsIT {

    private static final String GRANTED_CONNECT = "sockd_sessions_total{version=\"5\",command=\"connect\",result=\"granted\"}";

    @TempDir
    static Path home;

    @AutoClose
    private static WebServer web;
    @AutoClose
    private static MetricsEndpoint endpoint;
    @AutoClose
    private static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        web = new WebServer();
        endpoint = MetricsEndpoint.configure(home.resolve("config"));
        daemon = AdminDaemon.start(home, "permit 127.0.0.0 255.0.0.0\n");
        daemon.awaitLine(line -> line.contains(endpoint.servedLine()), 30);
    }

    @Test
    void aSessionCurlRelayedIsCountedWithItsBytesAndTheNodeIsLiveAndReady() throws Exception {
        String page = curl("--socks5", "http://127.0.0.1:" + web.port() + "/");
        assertThat(page).isEqualTo(web.body());

        // the session is counted when it ends, which is just after curl has its page
        Await.until(() -> granted() >= 1, "/metrics counts the relayed session");
        assertThat(endpoint.sample("sockd_relayed_bytes_total{direction=\"from_client\"}")).hasValueSatisfying(
                bytes -> assertThat(bytes).isPositive());
        assertThat(endpoint.sample("sockd_relayed_bytes_total{direction=\"to_client\"}")).hasValueSatisfying(
                bytes -> assertThat(bytes).isGreaterThanOrEqualTo(web.body().length()));
        assertThat(endpoint.sample("sockd_connect_duration_seconds_count")).hasValueSatisfying(
                count -> assertThat(count).isGreaterThanOrEqualTo(1));

        HttpResponse<String> live = endpoint.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("live\n");
        HttpResponse<String> ready = endpoint.get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
    }

    @Test
    void promtoolFindsNothingToSayAboutTheMetrics() throws Exception {
        requirePromtool();
        HttpResponse<String> metrics = endpoint.get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");

        ProgramResult check = ProgramResult.run(new ProcessBuilder("promtool", "check", "metrics"), metrics.body(), 60);

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out() + check.err()).as("promtool's lint findings").isEmpty();
    }

    @Test
    void sockdStatsThroughTheAdminChannelShowsTheSameCounters() throws Exception {
        ProgramResult stats = AdminTools.ctl(daemon.adminSocket(), "stats");

        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(stats.out()).startsWith("sockd 0.").contains("\nsessions:      ", "\nbytes:         ",
                "\nrefused:       auth 0, destination 0, drain 0, ");
    }

    private static double granted() {
        try {
            return endpoint.sample(GRANTED_CONNECT).orElse(0.0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requirePromtool() {
        if (Programs.onPath("promtool")) {
            return;
        }
        String message = "promtool is not on the PATH: apt-get install prometheus";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it in CI, where the metrics format must be checked)");
        }
        Assumptions.abort(message);
    }

    /** The endpoints have no authentication and are kept on loopback: no SOCKS client reaches them through the proxy. */
    @Test
    void noClientReachesTheEndpointsThroughTheProxy() throws Exception {
        String url = "http://127.0.0.1:" + endpoint.port() + "/health/live";

        assertThat(curl("--socks5", url)).as("curl through the proxy").doesNotContain("live")
                .contains("SOCKS5 connection to 127.0.0.1. (2)"); // REP 2, not allowed by the ruleset
        daemon.awaitLine(line -> line.contains("refused -- Connect from ") && line.contains("(" + endpoint.port() + ")")
                && line.endsWith("by destination guard: own endpoint"), 10);
        assertThat(endpoint.get("/health/live").statusCode()).as("asked directly").isEqualTo(200);
    }

    private static String curl(String flag, String url) throws Exception {
        Process curl = new ProcessBuilder(List.of("curl", "-sS", "--max-time", "10", flag, "127.0.0.1:" + daemon.port(), url))
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
