package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * The daemon in a small heap, filled by clients that connect and say nothing: before the JVM runs
 * out of heap, new clients are closed at accept with a warning while the established sessions go
 * on, and once the idle clients leave new ones are served again.
 */
class HeapSheddingIT {

    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";
    private static final String SHED_WARNING = "full of live data after the last collection (heap.shed.percent 90): "
            + "closing new clients";
    /** Enough idle clients to fill 48 MB several times over; the daemon refuses long before. */
    private static final int IDLE_AT_MOST = 15_000;
    private static final int BATCH = 250;
    private static final Duration FILLING_AT_MOST = Duration.ofSeconds(45);

    @AutoClose
    private final EchoServer echo;

    @TempDir
    Path home;

    HeapSheddingIT() throws IOException {
        echo = new EchoServer();
    }

    @Test
    void newClientsAreClosedAtAcceptBeforeTheHeapRunsOutAndTheEstablishedSessionsGoOn() throws Exception {
        // no limit of one address or of time that would close the idle clients before the heap fills
        AdminDaemon.coreSettings(home, "max.sessions.per.client = I\"0\"", "connect.rate.per.client = I\"0\"",
                "handshake.timeout.ms = I\"300000\"");
        try (Daemon daemon = AdminDaemon.startWithJvmOptions(List.of("-Xmx48m", "-XX:+UseSerialGC"), home, RULES)) {
            List<Socks5Client.Connection> relays = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                relays.add(Socks5Client.connect(daemon.address(), echo.address()));
            }
            List<Socket> idle = new ArrayList<>();
            try {
                long until = System.nanoTime() + FILLING_AT_MOST.toNanos();
                while (daemon.output().stream().noneMatch(line -> line.contains(SHED_WARNING))) {
                    assertThat(idle.size()).as("idle clients without the shed warning").isLessThan(IDLE_AT_MOST);
                    assertThat(System.nanoTime() - until).as("nanoseconds past %s without the shed warning",
                            FILLING_AT_MOST).isNegative();
                    assertThat(daemon.process().isAlive()).as("the daemon is alive; output:\n%s",
                            String.join("\n", daemon.output())).isTrue();
                    for (int i = 0; i < BATCH; i++) {
                        idle.add(Sockets.connect(daemon.address()));
                    }
                }
                assertThat(closedAtAccept(daemon.address())).as("a new client is closed at once").isTrue();
                ProgramResult status = AdminTools.ctl(daemon.adminSocket(), "status");
                assertThat(status.out()).as(status.toString()).containsPattern(
                        "\nshedding: {2}new connections are closed: the old generation is \\d+% full of live data");
                for (Socks5Client.Connection relay : relays) {
                    relay.roundTrip(Sockets.randomBytes(4096, 1));
                }
                System.out.println("HeapSheddingIT: shedding after " + idle.size() + " idle clients: "
                        + daemon.output().stream().filter(line -> line.contains(SHED_WARNING)).findFirst().orElseThrow());
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
            Await.until(() -> Sockets.servesANewClient(daemon.address(), echo.address()), Duration.ofSeconds(30),
                    "a new client served once the idle ones left");
            daemon.awaitLine(line -> line.contains("accepting new clients again"), 5);
            for (Socks5Client.Connection relay : relays) {
                relay.roundTrip(Sockets.randomBytes(4096, 2));
                relay.close();
            }
            assertThat(daemon.process().isAlive()).isTrue();
            assertThat(daemon.output()).noneMatch(line -> line.contains("OutOfMemoryError"));
        }
    }

    /** @return true when the daemon closes the connection without answering a SOCKS 5 greeting */
    private static boolean closedAtAccept(InetSocketAddress daemon) throws IOException {
        try (Socket socket = Sockets.connect(daemon)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(new byte[] {5, 1, 0});
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

}
