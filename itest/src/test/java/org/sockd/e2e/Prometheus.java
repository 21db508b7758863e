package org.sockd.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A short-lived Prometheus server (Debian package prometheus) that scrapes the given targets every
 * second, with its configuration and its database in a directory of the test's, and its web API on
 * a free loopback port.
 */
final class Prometheus extends ChildProcess {

    private final int port;

    private Prometheus(Process process, int port) {
        super(process);
        this.port = port;
    }

    /**
     * Writes {@code prometheus.yml} into the directory and starts Prometheus on it; does not wait.
     *
     * @param targets host:port of each /metrics to scrape, as job {@code sockd}
     */
    static Prometheus scraping(Path dir, List<String> targets) throws IOException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: sockd
                    static_configs:
                      - targets: [%s]
                """.formatted(targets.stream().map(target -> "'" + target + "'").collect(Collectors.joining(", "))));
        int port = Ports.tcp();
        ProcessBuilder prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .directory(dir.toFile()).redirectErrorStream(true);
        return new Prometheus(prometheus.start(), port);
    }

    /** Asks the HTTP API for an instant query; returns its JSON answer, or the error that prevented one. */
    String query(String promql) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString(); // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
