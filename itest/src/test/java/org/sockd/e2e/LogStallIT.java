package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sockd.itest.EchoServer;

/**
 * The daemon's log stops being read (a syslog that hangs, a full pipe): relays and new sessions go
 * on, and the lines that cannot be written are dropped and counted rather than waited for. The
 * classic lines' queue is made small (100 events, for 1,000 sessions of four lines each), so that
 * it is full long before the test ends.
 */
class LogStallIT {

    private static final int SESSIONS = 1_000;

    @Test
    void aLogNobodyReadsNeitherStopsRelaysNorNewSessions() throws Exception {
        Path conf = Files.createTempFile("sockd", ".conf");
        Files.writeString(conf, "permit 127.0.0.0 255.0.0.0\n");
        Path config = Files.createTempDirectory("sockd-config");
        try (var files = Files.list(Build.ROOT.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Files.writeString(config.resolve("sockd.log.classic.cfg"), "queue.size = I\"100\"\n");
        int port = Ports.tcp();
        // standard output and error go to a pipe this test never reads: once the pipe is full, every
        // write to it blocks
        Process daemon = new ProcessBuilder(Build.JAVA.toString(), "-Dgosh.args=--nointeractive",
                "-Dsockd.home=" + Build.ROOT, Daemon.hostsFileOption(), "-Dsockd.admin.off=true",
                "-jar", Build.SOCKD_JAR.toString(), "-f", conf.toString(), "-l", "127.0.0.1:" + port,
                "--config-dir", config.toString())
                .redirectErrorStream(true).start();
        try (EchoServer echo = new EchoServer()) {
            int echoPort = echo.address().getPort();
            awaitListening(port, daemon);
            try (Socket longLived = socks5(port, echoPort)) {
                assertEchoes(longLived, "before");

                for (int i = 0; i < SESSIONS; i++) {
                    try (Socket client = socks5(port, echoPort)) {
                        assertEchoes(client, "session " + i);
                    }
                }

                // the pipe is full: the daemon's log has been stalled for most of the sessions above
                assertThat(daemon.getInputStream().available()).as("unread bytes in the daemon's output pipe")
                        .isGreaterThanOrEqualTo(60 * 1024);
                assertEchoes(longLived, "after");
                try (Socket late = socks5(port, echoPort)) {
                    assertEchoes(late, "a new session after");
                }
            }
        } finally {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitListening(int port, Process daemon) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(daemon.isAlive()).as("the daemon is running").isTrue();
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the daemon did not listen on " + port + " within 60 s");
    }

    private static void assertEchoes(Socket client, String when) throws IOException {
        byte[] ping = when.getBytes();
        client.getOutputStream().write(ping);
        assertThat(new DataInputStream(client.getInputStream()).readNBytes(ping.length)).as(when).isEqualTo(ping);
    }

    private static Socket socks5(int proxyPort, int targetPort) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort), 5_000);
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, (byte) (targetPort >> 8),
                (byte) targetPort});
        byte[] replies = new DataInputStream(socket.getInputStream()).readNBytes(12);
        assertThat(replies).hasSize(12);
        assertThat(replies[3]).as("REP").isZero();
        return socket;
    }
}
