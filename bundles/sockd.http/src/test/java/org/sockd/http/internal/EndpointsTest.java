package org.sockd.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sockd.api.admin.Node;
import org.sockd.api.admin.Readiness;
import org.sockd.api.metrics.DaemonMetrics;
import org.sockd.api.metrics.Histogram;
import org.sockd.api.metrics.MetricsSnapshot;

/** The endpoints over real HTTP on loopback, with a fake core. */
@Timeout(10)
class EndpointsTest {

    private static final Histogram NONE = new Histogram(List.of(), List.of(0L), 0);

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final AtomicReference<Readiness> readiness = new AtomicReference<>(new Readiness.Ready());
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    EndpointsTest() throws IOException {
        DaemonMetrics metrics = new DaemonMetrics() {
            @Override
            public MetricsSnapshot snapshot() {
                return new MetricsSnapshot("1.2.3", Instant.EPOCH, 0, 0, List.of(), Map.of(), 0, 0, 0, NONE, NONE, 0, 0,
                        Map.of(), 0, 0, null, false);
            }

            @Override
            public void reloaded(boolean succeeded) {
                throw new AssertionError("the endpoints only read");
            }
        };
        Node node = new Node() {
            @Override
            public void drain() {
                throw new AssertionError("the endpoints only read");
            }

            @Override
            public void undrain() {
                throw new AssertionError("the endpoints only read");
            }

            @Override
            public boolean draining() {
                return false;
            }

            @Override
            public Readiness readiness() {
                return readiness.get();
            }
        };
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new Endpoints(metrics, new ReadyCheck(node, listening::get), () -> 3));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
    }

    @Test
    void liveAnswersWhileTheServerRuns() throws Exception {
        assertThat(get("/health/live")).extracting(HttpResponse::statusCode, HttpResponse::body).containsExactly(200, "live\n");
    }

    @Test
    void readyFollowsTheListenersAndTheCore() throws Exception {
        assertThat(get("/health/ready")).extracting(HttpResponse::statusCode, HttpResponse::body).containsExactly(200, "ready\n");

        readiness.set(new Readiness.NotReady("draining"));
        assertThat(get("/health/ready")).extracting(HttpResponse::statusCode, HttpResponse::body)
                .containsExactly(503, "draining\n");

        listening.set(false);
        assertThat(get("/health/ready")).extracting(HttpResponse::statusCode, HttpResponse::body)
                .containsExactly(503, "no listener is open\n");
    }

    @Test
    void metricsAreTheExpositionFormat() throws Exception {
        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("sockd_build_info{version=\"1.2.3\"} 1\n",
                "sockd_proxy_headers_refused_total 3\n");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/health/livex").statusCode()).isEqualTo(404);
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
