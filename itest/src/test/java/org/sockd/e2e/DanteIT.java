package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.common.testing.Await;

/**
 * sockd chained to Dante: the SOCKSified daemon speaks SOCKS 5 and SOCKS 4 to a real danted
 * (Debian dante-server) on loopback, which connects to the target on 127.0.0.2.
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
        dante = ChildProcess.start(new ProcessBuilder(DANTED.toString(), "-f", conf.toString(), "-p",
                shared.resolve("danted.pid").toString()).redirectErrorStream(true));
        Await.until(DanteIT::danteListens, "danted to listen on 127.0.0.1:" + dantePort);
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

    private static boolean danteListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", dantePort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
