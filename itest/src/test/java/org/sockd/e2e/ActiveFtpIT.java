package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Active-mode FTP through the built daemon with a real FTP client (tnftp) made SOCKS-aware by
 * Dante's socksify: the control connection is a CONNECT, and the client's listening data socket
 * becomes a BIND on the proxy. The route file sends the FTP server's host via 127.0.0.3, an
 * address only the daemon listens on, so a PORT or EPRT naming 127.0.0.3 shows that the data
 * connection went to the daemon's BIND socket and not to the client. Needs the Debian packages
 * dante-client and tnftp (CI installs them); skipped without them outside CI.
 */
class ActiveFtpIT {

    private static final InetAddress FTP_HOST = Sockets.address("127.0.0.1");
    private static final InetAddress BIND_INTERFACE = Sockets.address("127.0.0.3");
    private static final String FILE = "payload.bin";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireClients() {
        Programs.require(List.of("socksify", "tnftp"), "apt-get install dante-client tnftp");
    }

    @ParameterizedTest(name = "socksify over {0}")
    @ValueSource(strings = {"socks_v4", "socks_v5"})
    void aFileDownloadsIntactInActiveModeThroughTheProxysBindSocket(String proxyProtocol) throws Exception {
        byte[] content = new byte[1024 * 1024];
        new Random(42).nextBytes(content);
        Path routes = dir.resolve("sockd.route");
        // the FTP server's host (control and data) via 127.0.0.3; nothing else is routed
        Files.writeString(routes, "127.0.0.3 127.0.0.1 255.255.255.255\n");
        try (FtpServer ftp = new FtpServer(FTP_HOST, Map.of(FILE, content));
                Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "-r", routes.toString())) {
            daemon.awaitLine(line -> line.contains("loaded 1 routes from " + routes), 10);

            Path downloaded = dir.resolve("downloaded.bin");
            Path socksLog = dir.resolve("socks.log");
            Run tnftp = tnftp(daemon, proxyProtocol, ftp.address(), downloaded, socksLog);
            String diagnostics = "tnftp exit " + tnftp.exitCode() + ", output:\n" + tnftp.output()
                    + "\nFTP server transcript:\n" + String.join("\n", ftp.transcript())
                    + "\nsocksify log:\n" + tail(socksLog, 150)
                    + "\ndaemon output:\n" + String.join("\n", daemon.output());

            assertThat(tnftp.exitCode()).as(diagnostics).isZero();
            assertThat(downloaded).as(diagnostics).exists();
            assertThat(MessageDigest.isEqual(Files.readAllBytes(downloaded), content))
                    .as("the %d bytes arrive intact; %s", content.length, diagnostics).isTrue();

            List<FtpServer.DataConnection> data = ftp.dataConnections();
            assertThat(data).as(diagnostics).hasSize(1);
            FtpServer.DataConnection connection = data.getFirst();
            assertThat(connection.command()).as(diagnostics).matches("(?i)(PORT|EPRT) .*");
            assertThat(connection.target().getAddress())
                    .as("the address the client's PORT/EPRT names: the daemon's BIND socket; " + diagnostics)
                    .isEqualTo(BIND_INTERFACE);
            assertThat(ftp.transcript()).as("active mode only").noneMatch(line -> line.matches("(?i)> (E?PSV|PASV).*"));

            int dataPort = connection.source().getPort();
            daemon.awaitLine(line -> line.contains("connected -- Bind from ")
                    && line.endsWith("for localhost (" + dataPort + ")"), 10);
            daemon.awaitLine(line -> line.contains("terminated -- Bind from ")
                    && line.endsWith("for localhost (" + dataPort + ")."), 10);
            daemon.awaitLine(line -> line.endsWith("0 bytes from localhost, " + content.length + " bytes from localhost"), 10);
        }
    }

    /**
     * The BIND through two daemons: A's socks.conf sends everything to daemon B, so the data
     * connection comes in at B's BIND socket and reaches the client through B and A. The FTP
     * server is on 127.0.0.2, which socks.conf does not send direct by itself (127.0.0.1 it would).
     */
    @Test
    void aFileDownloadsInActiveModeThroughTwoDaemonsWithTheBindAtTheFarOne() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        try (FtpServer ftp = new FtpServer(Sockets.address("127.0.0.2"), Map.of(FILE, content));
                Daemon far = Daemon.start("permit 127.0.0.0 255.0.0.0\n");
                Daemon near = SocksifiedDaemon.start(dir.resolve("near"),
                        "upstream b socks5://127.0.0.1:" + far.port() + "\nsockd @=b 0.0.0.0 0.0.0.0\n")) {
            Path downloaded = dir.resolve("downloaded.bin");
            Path socksLog = dir.resolve("socks.log");
            Run tnftp = tnftp(near, "socks_v5", ftp.address(), downloaded, socksLog);
            String diagnostics = "tnftp exit " + tnftp.exitCode() + ", output:\n" + tnftp.output()
                    + "\nFTP server transcript:\n" + String.join("\n", ftp.transcript())
                    + "\nsocksify log:\n" + tail(socksLog, 150)
                    + "\nnear daemon:\n" + String.join("\n", near.output())
                    + "\nfar daemon:\n" + String.join("\n", far.output());

            assertThat(tnftp.exitCode()).as(diagnostics).isZero();
            assertThat(MessageDigest.isEqual(Files.readAllBytes(downloaded), content))
                    .as("the %d bytes arrive intact; %s", content.length, diagnostics).isTrue();
            List<FtpServer.DataConnection> data = ftp.dataConnections();
            assertThat(data).as(diagnostics).hasSize(1);
            assertThat(data.getFirst().command()).as(diagnostics).matches("(?i)(PORT|EPRT) .*");

            String dataPort = "(" + data.getFirst().source().getPort() + ")";
            far.awaitLine(line -> line.contains("connected -- Bind from ") && line.endsWith(dataPort), 10);
            near.awaitLine(line -> line.contains("connected -- Bind from ")
                    && line.endsWith(dataPort + " using sockd at b (127.0.0.1:" + far.port() + ")"), 10);
        }
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * {@code socksify tnftp -A -V -o OUT ftp://user:password@host:port/FILE}: auto-fetch in
     * active mode, nothing read from a terminal, the Dante client configured by a file of the
     * test's, its log kept for the failure message.
     */
    private Run tnftp(Daemon daemon, String proxyProtocol, InetSocketAddress ftp, Path out, Path socksLog) throws Exception {
        Path socksConf = dir.resolve("socks.conf");
        // debug and logoutput here, not in SOCKS_DEBUG and SOCKS_LOGOUTPUT: parsing the file resets those
        Files.writeString(socksConf, """
                debug: 2
                logoutput: %s
                route {
                    from: 0.0.0.0/0 to: 0.0.0.0/0 via: 127.0.0.1 port = %d
                    proxyprotocol: %s
                    command: bind connect
                    method: none
                }
                """.formatted(socksLog, daemon.port(), proxyProtocol));
        ProcessBuilder builder = new ProcessBuilder("socksify", "tnftp", "-A", "-V", "-o", out.toString(),
                "ftp://tester:secret@" + ftp.getAddress().getHostAddress() + ":" + ftp.getPort() + "/" + FILE)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tnftp.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SOCKS") || name.endsWith("_proxy") || name.endsWith("_PROXY"));
        env.put("SOCKS_CONF", socksConf.toString());
        env.put("SOCKS_AUTOADD_LANROUTES", "no"); // else loopback is "the LAN" and goes direct
        env.put("HOME", dir.toString()); // no ~/.netrc of the user running the tests
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(dir.resolve("tnftp.out"), StandardCharsets.ISO_8859_1);
        return new Run(process.isAlive() ? -1 : process.exitValue(), output);
    }

    private static String tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
