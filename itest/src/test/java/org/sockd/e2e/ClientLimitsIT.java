package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * The limits of one client address (core max.sessions.per.client, connect.rate.per.client): a
 * flood from 127.0.0.2 is closed at accept beyond them, while 127.0.0.3 is served as if nothing
 * happened; behind a balancer, the address is the one its PROXY header names.
 */
class ClientLimitsIT {

    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";
    private static final InetAddress FLOODER = Sockets.address("127.0.0.2");
    private static final InetAddress NEIGHBOUR = Sockets.address("127.0.0.3");
    private static final int FLOOD = 300;
    private static final InetAddress BALANCER = Sockets.address("127.0.0.1");
    /** What the clients behind the balancer connected to: its front. */
    private static final InetSocketAddress FRONT = new InetSocketAddress(BALANCER, 1080);

    @AutoClose
    private final EchoServer echo;

    @TempDir
    Path home;

    private final List<Socks5Client.Connection> open = new ArrayList<>();
    private final List<ProxiedClient> balanced = new ArrayList<>();

    ClientLimitsIT() throws IOException {
        echo = new EchoServer();
    }

    @AfterEach
    void closeClients() throws IOException {
        for (Socks5Client.Connection connection : open) {
            connection.close();
        }
        for (ProxiedClient client : balanced) {
            client.close();
        }
    }

    @Test
    void anAddressHoldsNoMoreSessionsThanItsLimitAndTheOthersAreServed() throws Exception {
        AdminDaemon.coreSettings(home, "max.sessions.per.client = I\"100\"", "connect.rate.per.client = I\"0\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES); Neighbour neighbour = new Neighbour(daemon, 100_000)) {
            int refused = flood(daemon, FLOOD);

            assertThat(open).as("sessions of 127.0.0.2 served").hasSize(100);
            assertThat(refused).isEqualTo(FLOOD - 100);
            for (Socks5Client.Connection admitted : open) {
                admitted.roundTrip(Sockets.randomBytes(64, admitted.socket().getLocalPort()));
            }
            daemon.awaitLine(line -> line.contains(
                    "client 127.0.0.2 is over max.sessions.per.client 100: its new connections are closed"), 10);
            assertThat(stats(daemon)).contains("limit " + (FLOOD - 100));
            neighbour.assertServedThroughout();
        }
    }

    @Test
    void anAddressThatConnectsFasterThanItsRateIsClosedAtAccept() throws Exception {
        AdminDaemon.coreSettings(home, "connect.rate.per.client = I\"1\"", "connect.burst.per.client = I\"5\"");
        // 127.0.0.3 has a bucket of its own, and stays within its burst
        try (Daemon daemon = AdminDaemon.start(home, RULES); Neighbour neighbour = new Neighbour(daemon, 4)) {
            int refused = flood(daemon, 30);

            // the burst, and at most one more for each second the flood took (far fewer than 25)
            assertThat(open.size()).isBetween(5, 25);
            assertThat(refused).isEqualTo(30 - open.size());
            daemon.awaitLine(line -> line.contains(
                    "client 127.0.0.2 is over connect.rate.per.client 1/s: its new connections are closed"), 10);
            neighbour.assertServedThroughout();
        }
    }

    @Test
    void behindABalancerTheClientCountedIsTheOneItsProxyHeaderNames() throws Exception {
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), Ports.tcp());
        config.set("sockd.core.cfg", "max.sessions.per.client", "I\"2\"");
        InetSocketAddress edge = new InetSocketAddress(BALANCER, Ports.tcp());
        config.write("sockd.listener-edge.cfg", List.of("address = \"127.0.0.1\"", "port = I\"" + edge.getPort() + "\"",
                "proxy.protocol = \"required\"", "proxy.trusted = [\"127.0.0.1/32\"]"));
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        try (Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withHome(home).withJvmOptions("-XX:-UsePerfData"),
                "--config-dir", config.path().toString(), "-f", rules.toString())) {
            daemon.awaitLine(line -> line.contains("listening on 127.0.0.1:" + edge.getPort() + ", for PROXY"), 30);
            // every connection comes from the balancer, 127.0.0.1; two of them hold 127.0.0.2's sessions
            for (int i = 0; i < 2; i++) {
                ProxiedClient held = proxied(edge, new InetSocketAddress(FLOODER, 41000 + i));
                assertThat(held.request(ProxiedClient.CONNECT, echo.address()).code()).isZero();
            }

            try (ProxiedClient third = ProxiedClient.open(BALANCER, edge)) {
                third.send(ProxiedClient.v1(new InetSocketAddress(FLOODER, 41002), FRONT));
                assertThat(third.closedWithoutAnswer()).as("127.0.0.2's third session").isTrue();
            }
            ProxiedClient other = proxied(edge, new InetSocketAddress(NEIGHBOUR, 41003));
            assertThat(other.request(ProxiedClient.CONNECT, echo.address()).code()).as("127.0.0.3 served").isZero();
            daemon.awaitLine(line -> line.contains("client 127.0.0.2 is over max.sessions.per.client 2"), 10);
        }
    }

    private ProxiedClient proxied(InetSocketAddress edge, InetSocketAddress client) throws IOException {
        ProxiedClient proxied = ProxiedClient.open(BALANCER, edge);
        balanced.add(proxied);
        proxied.greet(ProxiedClient.v1(client, FRONT));
        return proxied;
    }

    /**
     * Opens CONNECT sessions to the echo server from 127.0.0.2, one after the other, and keeps those
     * the daemon serves open.
     *
     * @return how many the daemon closed before it answered
     */
    private int flood(Daemon daemon, int connections) {
        int refused = 0;
        for (int i = 0; i < connections; i++) {
            try {
                Socks5Client.Connection connection = Socks5Client.connectFrom(FLOODER, daemon.address(), echo.address());
                open.add(connection);
                assertThat(connection.reply()).isZero();
            } catch (IOException e) {
                refused++; // closed at accept: end of stream, or reset
            }
        }
        return refused;
    }

    /** 127.0.0.3, completing one short session after another while it is open, up to a number. */
    private final class Neighbour implements AutoCloseable {

        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger completed = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Neighbour(Daemon daemon, int sessions) {
            thread = Thread.ofPlatform().name("neighbour").start(() -> {
                // bounded: a broken daemon ends the loop by its failures, a working one by close()
                for (int i = 0; i < sessions && !stopped.get() && failures.size() < 10; i++) {
                    try (Socks5Client.Connection session =
                            Socks5Client.connectFrom(NEIGHBOUR, daemon.address(), echo.address())) {
                        session.roundTrip(Sockets.randomBytes(64, i));
                        completed.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failures.add(e.toString());
                    }
                }
            });
        }

        void assertServedThroughout() throws InterruptedException {
            close();
            assertThat(failures).as("sessions of 127.0.0.3 that failed").isEmpty();
            assertThat(completed.get()).as("sessions of 127.0.0.3 completed").isPositive();
        }

        @Override
        public void close() throws InterruptedException {
            stopped.set(true);
            thread.join(30_000);
        }
    }


    private static String stats(Daemon daemon) throws IOException, InterruptedException {
        ProgramResult stats = AdminTools.ctl(daemon.adminSocket(), "stats");
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        return stats.out();
    }
}
