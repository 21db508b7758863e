package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

/**
 * sockd chained to Dante: the SOCKSified daemon speaks SOCKS 5 and SOCKS 4 to a real danted
 * (Debian dante-server) on loopback, which connects to the target on 127.0.0.2, and logs in to a
 * danted that wants a system account's name and password.
 */
class DanteIT {

    private static final Path DANTED = Path.of("/usr/sbin/danted");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @AutoClose
    private static WebServer target;
    @AutoClose
    private static ChildProcess dante;
    private static int dantePort;

    @BeforeAll
    static void start() throws Exception {
        requireDante();
        target = new WebServer(Sockets.address("127.0.0.2"));
        dantePort = Ports.tcp();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path conf = Files.writeString(shared.resolve("danted.conf"), """
                logoutput: %s
                internal: 127.0.0.1 port = %d
                external: 127.0.0.1
                socksmethod: none
                clientmethod: none
                %s
                client pass { from: 127.0.0.0/8 to: 127.0.0.0/8 }
                socks pass { from: 127.0.0.0/8 to: 127.0.0.0/8 log: connect }
                """.formatted(shared.resolve("danted.log"), dantePort,
                root ? "user.privileged: root\nuser.unprivileged: nobody" : ""));
        dante = startDante(conf, shared.resolve("danted.pid"), dantePort);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"socks5", "socks4"})
    void aConnectGoesThroughDante(String scheme) throws Exception {
        String conf = "upstream d " + scheme + "://127.0.0.1:" + dantePort + "\nsockd @=d 0.0.0.0 0.0.0.0\n";
        try (Daemon near = SocksifiedDaemon.start(dir, conf)) {
            assertThat(SocksifiedDaemon.curl(near, "--socks5", "http://127.0.0.2:" + target.port() + "/"))
                    .isEqualTo(target.body());
            near.awaitLine(line -> line.contains("connected -- Connect from")
                    && line.endsWith("using sockd at d (127.0.0.1:" + dantePort + ")"), 10);
            Path log = shared.resolve("danted.log");
            Await.until(() -> SocksifiedDaemon.read(log).contains("127.0.0.2." + target.port()),
                    "Dante to log the connection");
        }
    }

    /**
     * Dante's {@code socksmethod: username} checks the system's accounts, so the test makes one
     * (root: useradd, chpasswd, and danted reading the shadow file); sockd logs in with
     * {@code auth=password} and a private password file.
     */
    @Test
    void aPasswordLoginAtDanteWithAuthPassword() throws Exception {
        requireRoot();
        String account = "sockd-chain";
        LocalUsers.ensure(account);
        LocalUsers.setPassword(account, "right-Pass-4");
        int port = Ports.tcp();
        Path conf = Files.writeString(dir.resolve("danted-username.conf"), """
                logoutput: %s
                internal: 127.0.0.1 port = %d
                external: 127.0.0.1
                socksmethod: username
                clientmethod: none
                user.privileged: root
                user.unprivileged: nobody
                client pass { from: 127.0.0.0/8 to: 127.0.0.0/8 }
                socks pass { from: 127.0.0.0/8 to: 127.0.0.0/8 log: connect }
                """.formatted(dir.resolve("danted-username.log"), port));
        try (ChildProcess ignored = startDante(conf, dir.resolve("danted-username.pid"), port)) {
            String upstream = "upstream d socks5://127.0.0.1:" + port + " auth=password password.file=";
            try (Daemon near = SocksifiedDaemon.start(dir.resolve("right"), upstream
                    + privateFile(dir.resolve("right.pw"), account + ":right-Pass-4") + "\nsockd @=d 0.0.0.0 0.0.0.0\n")) {
                assertThat(SocksifiedDaemon.curl(near, "--socks5", "http://127.0.0.2:" + target.port() + "/"))
                        .isEqualTo(target.body());
                near.awaitLine(line -> line.contains("connected -- Connect from")
                        && line.endsWith("using sockd at d (127.0.0.1:" + port + ")"), 10);
            }
            try (Daemon near = SocksifiedDaemon.start(dir.resolve("wrong"), upstream
                    + privateFile(dir.resolve("wrong.pw"), account + ":wrong-Pass-4") + "\nsockd @=d 0.0.0.0 0.0.0.0\n");
                    BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
                assertThat(client.connect(Sockets.address("127.0.0.2"), target.port(), "").code())
                        .as("general failure").isEqualTo(1);
                near.awaitLine(line -> line.contains("Failed to connect to sockd at d (127.0.0.1:" + port
                        + "): login rejected"), 10);
            }
        }
    }

    private static ChildProcess startDante(Path conf, Path pidFile, int port) throws Exception {
        ChildProcess started = ChildProcess.start(new ProcessBuilder(DANTED.toString(), "-f", conf.toString(), "-p",
                pidFile.toString()).redirectErrorStream(true));
        try {
            Await.until(() -> listens(port), "danted to listen on 127.0.0.1:" + port);
            return started;
        } catch (AssertionError e) {
            started.close();
            throw new AssertionError(e.getMessage() + "; danted said:\n" + String.join("\n", started.output()), e);
        }
    }

    /** A password file sockd accepts: owned by the user it runs as (the tests' user), mode 0600. */
    private static Path privateFile(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** As root only; CI runs as root, so there a missing root fails rather than skips. */
    private static void requireRoot() {
        if (AdminTools.isRoot()) {
            return;
        }
        String message = "needs root: a local account for Dante's socksmethod username (useradd, chpasswd)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI runs as root)");
        }
        Assumptions.abort(message);
    }

    private static void requireDante() {
        if (Files.isExecutable(DANTED)) {
            return;
        }
        String message = "needs " + DANTED + ": apt-get install dante-server";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it)");
        }
        Assumptions.abort(message);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
