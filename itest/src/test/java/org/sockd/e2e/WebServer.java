package org.sockd.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A loopback HTTP server whose one page names itself, so a test can tell its body apart. */
final class WebServer implements AutoCloseable {

    private final HttpServer server;
    private final String body;

    WebServer() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address, such as 127.0.0.2, which a socks.conf does not send direct by itself. */
    WebServer(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        body = "hello through sockd from port " + server.getAddress().getPort() + "\n";
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String body() {
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
