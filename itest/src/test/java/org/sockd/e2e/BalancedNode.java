package org.sockd.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One of several sockd nodes behind a balancer, each with a home of its own (its admin socket), its
 * own listener port and sockd.http port, and otherwise the same configuration: the shipped config/
 * and one rules file. Its listener takes PROXY protocol headers from 127.0.0.1.
 *
 * @param name the node's name in the balancer's configuration
 */
record BalancedNode(String name, Daemon daemon, MetricsEndpoint endpoint, int port) implements AutoCloseable {

    /** Starts the node's daemon; {@link #awaitReady()} waits for it. */
    static BalancedNode start(String name, Path home, Path rules) throws IOException {
        int port = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), port);
        config.set("sockd.log.classic.cfg", "resolve.names", "B\"false\"");
        config.write("sockd.listener-default.cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + port + "\"",
                "proxy.protocol = \"required\"", "proxy.trusted = [\"127.0.0.1/32\"]"));
        MetricsEndpoint endpoint = MetricsEndpoint.configure(config.path());
        Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData"),
                "--config-dir", config.path().toString(), "-f", rules.toString());
        return new BalancedNode(name, daemon, endpoint, port);
    }

    /** Waits until the node serves clients, its admin channel and its health checks. */
    void awaitReady() throws InterruptedException {
        daemon.awaitLine(line -> line.contains("sockd ready"), 60);
        daemon.awaitLine(line -> line.contains("listening on 127.0.0.1:" + port + ", for PROXY protocol headers"), 30);
        daemon.awaitLine(line -> line.contains("admin channel listening on " + daemon.adminSocket()), 30);
        daemon.awaitLine(line -> line.contains(endpoint.servedLine()), 30);
    }

    /** @return host:port of the node's /health and /metrics */
    String httpAddress() {
        return httpUri().getHost() + ":" + httpUri().getPort();
    }

    /** @return the port of the node's /health and /metrics, which HAProxy's check asks */
    int httpPort() {
        return httpUri().getPort();
    }

    /** The endpoint's address, from the line the daemon prints when it serves it. */
    private URI httpUri() {
        String line = endpoint.servedLine();
        return URI.create(line.substring(line.indexOf("http://")));
    }

    /** @return how many lines of the node's output so far contain the text */
    long lines(String text) {
        return daemon.output().stream().filter(line -> line.contains(text)).count();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            daemon.close();
        } finally {
            endpoint.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
