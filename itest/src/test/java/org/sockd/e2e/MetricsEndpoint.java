package org.sockd.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The daemon's health and metrics endpoints (PID sockd.http) on a loopback port, as a monitor reads them. */
final class MetricsEndpoint implements AutoCloseable {

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private MetricsEndpoint(int port) {
        this.port = port;
    }

    /** Writes {@code sockd.http.cfg} for a free loopback port into the configuration directory. */
    static MetricsEndpoint configure(Path configDir) throws IOException {
        MetricsEndpoint endpoint = new MetricsEndpoint(Ports.tcp());
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("sockd.http.cfg"), "port = I\"" + endpoint.port + "\"\n");
        return endpoint;
    }

    int port() {
        return port;
    }

    /** The daemon's line that says the endpoints are served. */
    String servedLine() {
        return "health checks and metrics on http://127.0.0.1:" + port + "/";
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the value of the sample, e.g. {@code sockd_sessions_total{version="5",...}}, if /metrics has it */
    Optional<Double> sample(String nameAndLabels) throws IOException, InterruptedException {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(get("/metrics").body());
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }

    @Override
    public void close() {
        client.close();
    }
}
