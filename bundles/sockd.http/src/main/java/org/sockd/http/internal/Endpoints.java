package org.sockd.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.sockd.api.admin.Readiness;
import org.sockd.api.metrics.DaemonMetrics;

/** The three paths; anything else is 404, any method but GET and HEAD 405. */
final class Endpoints implements HttpHandler {

    static final String PLAIN = "text/plain; charset=utf-8";
    /** The Prometheus text exposition format. */
    static final String EXPOSITION = "text/plain; version=0.0.4; charset=utf-8";

    private final DaemonMetrics metrics;
    private final ReadyCheck ready;
    private final LongSupplier proxyHeadersRefused;

    Endpoints(DaemonMetrics metrics, ReadyCheck ready, LongSupplier proxyHeadersRefused) {
        this.metrics = metrics;
        this.ready = ready;
        this.proxyHeadersRefused = proxyHeadersRefused;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, PLAIN, "only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/health/live" -> respond(exchange, 200, PLAIN, "live\n");
                case "/health/ready" -> {
                    switch (ready.now()) {
                        case Readiness.Ready r -> respond(exchange, 200, PLAIN, "ready\n");
                        case Readiness.NotReady notReady -> respond(exchange, 503, PLAIN, notReady.reason() + "\n");
                    }
                }
                case "/metrics" -> respond(exchange, 200, EXPOSITION, PrometheusText.of(metrics.snapshot(),
                        proxyHeadersRefused.getAsLong()));
                default -> respond(exchange, 404, PLAIN,
                        "no such path: /health/live, /health/ready and /metrics are\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
