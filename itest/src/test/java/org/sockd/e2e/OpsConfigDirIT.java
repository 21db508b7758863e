package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;

/**
 * The Config Admin files of a configuration directory (a copy of config/, given with
 * --config-dir): listeners and limits follow the files while the daemon runs, and the command
 * line's flags win over the files, also when a file changes later.
 */
class OpsConfigDirIT {

    private static final String IN_FLIGHT_USER = "inflight";

    @AutoClose
    private final EchoServer echo;

    @TempDir
    Path dir;

    OpsConfigDirIT() throws IOException {
        echo = new EchoServer();
    }

    @Test
    void listenersComeFromTheFilesAndFollowThemWhileTheDaemonRuns() throws Exception {
        int shipped = Ports.tcp();
        int extra = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(dir, shipped);
        try (Daemon daemon = Daemon.run("--config-dir", config.path().toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 30);
            daemon.awaitLine(line -> line.contains(" rules from " + config.path().resolve("sockd.conf")), 5);
            assertThat(socks4Reply(shipped)).as("the shipped rules permit loopback").isEqualTo(90);

            config.listener("extra", extra);
            daemon.awaitLine(line -> line.endsWith("- listening on 127.0.0.1:" + extra), 10);
            assertThat(socks4Reply(extra)).isEqualTo(90);

            config.delete("sockd.listener-extra.cfg");
            daemon.awaitLine(line -> line.contains("no longer listening on 127.0.0.1:" + extra), 10);
            assertThatThrownBy(() -> new Socket("127.0.0.1", extra).close()).isInstanceOf(ConnectException.class);
            assertThat(socks4Reply(shipped)).as("the other listener is untouched").isEqualTo(90);
        }
    }

    @Test
    void aChangedLimitTakesEffectWithoutARestart() throws Exception {
        int port = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(dir, port);
        try (Daemon daemon = Daemon.run("--config-dir", config.path().toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 30);
            try (Socket silent = new Socket("127.0.0.1", port)) {
                silent.setSoTimeout(1500);
                assertThatThrownBy(() -> silent.getInputStream().read()).as("30 s to send a request, as shipped")
                        .isInstanceOf(SocketTimeoutException.class);
            }

            try (Socket before = new Socket("127.0.0.1", port)) {
                config.set("sockd.core.cfg", "handshake.timeout.ms", "I\"500\"");
                daemon.awaitLines(line -> line.contains("core configuration changed"), 1, 15);

                try (Socket silent = new Socket("127.0.0.1", port)) {
                    // closed well before the shipped 30 s allowance: the new 500 ms applies, on a loaded machine too
                    silent.setSoTimeout(15_000);
                    assertThat(silent.getInputStream().read()).as("closed by the daemon").isEqualTo(-1);
                }
                before.setSoTimeout(500);
                assertThatThrownBy(() -> before.getInputStream().read())
                        .as("a client accepted before the change keeps the allowance it started with")
                        .isInstanceOf(SocketTimeoutException.class);
            }
            assertThat(daemon.output().stream().filter(line -> line.contains("- listening on 127.0.0.1:" + port)).count())
                    .as("the listener was not reopened").isEqualTo(1);
        }
    }

    @Test
    void theCommandLineWinsOverTheFilesEvenWhenTheyChangeLater() throws Exception {
        int filePort = Ports.tcp();
        int flagPort = Ports.tcp();
        int laterPort = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(dir, filePort);
        Files.writeString(dir.resolve("deny.conf"), "deny 0.0.0.0 0.0.0.0\n");
        config.set("sockd.access.sockdconf.cfg", "file", "\"${sockd.config.dir}/deny.conf\"");
        Path permit = Files.writeString(dir.resolve("permit.conf"), "permit 127.0.0.0 255.0.0.0\n");
        try (Daemon daemon = Daemon.run("--config-dir", config.path().toString(), "-f", permit.toString(),
                "-l", "127.0.0.1:" + flagPort)) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 30);
            assertThat(socks4Reply(flagPort)).as("-f, not the file's deny.conf").isEqualTo(90);
            assertThatThrownBy(() -> new Socket("127.0.0.1", filePort).close()).as("-l, not the listener file")
                    .isInstanceOf(ConnectException.class);

            // FileInstall loads the changed file, the policy reads its rules again, and -f still names them
            config.set("sockd.access.sockdconf.cfg", "watch.period.ms", "L\"500\"");
            config.listener("later", laterPort);
            daemon.awaitLines(line -> line.contains("loaded 1 rules from " + permit), 2, 15);
            assertThat(daemon.output()).noneMatch(line -> line.contains("deny.conf"));
            assertThat(socks4Reply(flagPort)).isEqualTo(90);
            assertThatThrownBy(() -> new Socket("127.0.0.1", laterPort).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aFileThatCannotBeReadStopsTheStartRatherThanRunOnDefaults() throws Exception {
        ConfigDir config = ConfigDir.copyOfShipped(dir, Ports.tcp());
        config.set("sockd.listener-default.cfg", "port", "I\"1080x\"");
        try (Daemon daemon = Daemon.run("--config-dir", config.path().toString())) {
            assertThat(daemon.awaitExit(60)).isEqualTo(1);
            assertThat(daemon.output()).anyMatch(line -> line.contains("sockd: configuration files not loaded")
                    && line.contains(config.path().resolve("sockd.listener-default.cfg").toString()));
        }
    }

    @Test
    void aChangedLogConfigurationLosesNoLineOfASessionInFlight() throws Exception {
        int port = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(dir, port);
        Path permit = Files.writeString(dir.resolve("permit-loopback.conf"), "permit 127.0.0.0 255.0.0.0\n");
        try (Daemon daemon = Daemon.run("--config-dir", config.path().toString(), "-f", permit.toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 30);
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(socks4Request(IN_FLIGHT_USER));
                assertThat(client.getInputStream().readNBytes(8)[1] & 0xff).isEqualTo(90);
                daemon.awaitLines(line -> line.contains("connected -- Connect from " + IN_FLIGHT_USER + "("), 1, 15);

                config.set("sockd.log.classic.cfg", "resolve.names", "B\"false\"");
                // the session stays open until new sessions show the change: addresses, no longer names
                Await.until(() -> socks4Reply(port) == 90
                        && daemon.output().stream().anyMatch(line -> line.contains("Connect from (unknown)@127.0.0.1 ")),
                        "the classic log to stop resolving names");
            }
            daemon.awaitLines(line -> line.contains("terminated -- Connect from " + IN_FLIGHT_USER + "("), 1, 15);
        }
    }

    /** A SOCKS 4 CONNECT to the echo server through the daemon on the port, no user; returns the reply code. */
    private int socks4Reply(int proxyPort) {
        try (Socket client = new Socket("127.0.0.1", proxyPort)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(socks4Request(""));
            InputStream in = client.getInputStream();
            return in.readNBytes(8)[1] & 0xff;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] socks4Request(String user) {
        int port = echo.address().getPort();
        byte[] head = {4, 1, (byte) (port >> 8), (byte) port, 127, 0, 0, 1};
        byte[] userId = (user + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + userId.length);
        System.arraycopy(userId, 0, request, head.length, userId.length);
        return request;
    }
}
