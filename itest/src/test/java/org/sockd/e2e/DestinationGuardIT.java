package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

/**
 * The destination guard, live. The daemon runs in a network namespace of its own with only
 * loopback up, so that a guard that let a request through could reach nothing beyond this test
 * (this machine answers on link-local addresses). Its listener is made outside the namespace and
 * handed over as standard input, so the test's clients reach it; inside the namespace a recorder
 * listens on the wildcard addresses at a target port and on the listener's own address and port,
 * and writes down every connection it accepts. The rules permit every destination, as a classic
 * {@code permit 127.0.0.0 255.0.0.0} does: only the guard stands between a client and the
 * recorder. Needs root for {@code unshare --net} (CI runs as root); skipped elsewhere without it.
 */
class DestinationGuardIT {

    /** Listens on the port given, makes that socket standard input, and runs the rest of its arguments. */
    private static final String LISTENING_STDIN = """
            import os, socket, sys
            s = socket.socket()
            s.bind(("127.0.0.1", int(sys.argv[1])))
            s.listen(16)
            os.dup2(s.fileno(), 0)
            os.execvp(sys.argv[2], sys.argv[2:])
            """;

    /**
     * In the new namespace: brings loopback up, listens at [::]:TARGET (IPv4 too) and
     * 127.0.0.1:OWN, forks a recorder that writes one line per accepted connection to RECORD
     * until the daemon is gone, and runs the daemon in its own place.
     */
    private static final String RECORDER = """
            import os, select, socket, subprocess, sys
            record, target, own = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
            wild = socket.socket(socket.AF_INET6)
            wild.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            wild.bind(("::", target))
            loop = socket.socket()
            loop.bind(("127.0.0.1", own))
            for s in (wild, loop):
                s.listen(16)
            daemon = os.getpid()
            if os.fork() == 0:
                os.close(0)
                with open(record, "a", buffering=1) as out:
                    out.write("ready\\n")
                    while os.getppid() == daemon:
                        for s in select.select([wild, loop], [], [], 0.5)[0]:
                            conn, peer = s.accept()
                            out.write("accepted %s %s\\n" % conn.getsockname()[:2])
                            conn.close()
                os._exit(0)
            wild.close()
            loop.close()
            os.execvp(sys.argv[4], sys.argv[4:])
            """;

    private static final int TARGET = 4444;

    @TempDir
    static Path dir;
    private static Daemon daemon;
    private static int port;
    private static Path record;

    @BeforeAll
    static void start() throws Exception {
        requireNetworkNamespaces();
        port = Ports.tcp();
        record = dir.resolve("accepted");
        Path hosts = dir.resolve("guard.hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n0.0.0.0 zero.test\n");
        Path rules = dir.resolve("sockd.conf");
        Files.writeString(rules, "permit 127.0.0.0 255.0.0.0\n");
        daemon = Daemon.run(Daemon.Launch.DEFAULT.withJvmOptions("-Djdk.net.hosts.file=" + hosts)
                .withWrapper(List.of("python3", "-c", LISTENING_STDIN, Integer.toString(port),
                        "unshare", "--net", "python3", "-c", RECORDER, record.toString(), Integer.toString(TARGET),
                        Integer.toString(port))), "-f", rules.toString());
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        awaitRecorderReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void everyGuardedDestinationIsRefusedAndNothingIsConnectedWhileAPermittedOneIs() throws Exception {
        // the proof that the recorder sees what gets through: a permitted destination does
        assertThat(connect(new byte[] {1, 127, 0, 0, 1}, TARGET)).as("loopback, left to the rules").isZero();
        awaitAccepted(1);

        // the classic lines write 0.0.0.0 and :: alike, as Unspecified.Host
        assertThat(connect(new byte[] {1, 0, 0, 0, 0}, TARGET)).isEqualTo(2);
        daemon.awaitLines(refused("Unspecified.Host (" + TARGET + ")", "unspecified address"), 1, 10);
        assertThat(connect(ipv6(new byte[16]), TARGET)).isEqualTo(2);
        daemon.awaitLines(refused("Unspecified.Host (" + TARGET + ")", "unspecified address"), 2, 10);
        assertThat(connect(name("zero.test"), TARGET)).as("a name that resolves to 0.0.0.0").isEqualTo(2);
        daemon.awaitLine(refused("zero.test (" + TARGET + ")", "unspecified address"), 10);
        assertThat(connect(new byte[] {1, 127, 0, 0, 1}, port)).as("the daemon's own listener").isEqualTo(2);
        daemon.awaitLine(refused("(" + port + ")", "own endpoint"), 10);
        assertThat(connect(new byte[] {1, (byte) 169, (byte) 254, (byte) 169, (byte) 254}, 80)).isEqualTo(2);
        daemon.awaitLine(refused("169.254.169.254 (", "cloud metadata"), 10);

        assertThat(recorded()).as("the recorder accepted only the permitted connection")
                .containsExactly("ready", "accepted ::ffff:127.0.0.1 " + TARGET);
    }

    private static java.util.function.Predicate<String> refused(String destination, String reason) {
        return line -> line.contains("refused -- Connect from ") && line.contains(destination)
                && line.endsWith("by destination guard: " + reason);
    }

    /** @return the REP of a SOCKS 5 CONNECT to the address (ATYP and bytes) and port */
    private static int connect(byte[] address, int targetPort) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] {5, 1, 0});
            byte[] method = new byte[2];
            in.readFully(method);
            out.write(ByteBuffer.allocate(5 + address.length).put(new byte[] {5, 1, 0}).put(address)
                    .putShort((short) targetPort).array());
            byte[] head = new byte[2];
            in.readFully(head);
            return head[1];
        }
    }

    private static byte[] ipv6(byte[] address) {
        return ByteBuffer.allocate(17).put((byte) 4).put(address).array();
    }

    private static byte[] name(String host) {
        byte[] bytes = host.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + bytes.length).put((byte) 3).put((byte) bytes.length).put(bytes).array();
    }

    private static void awaitRecorderReady() throws InterruptedException {
        Await.until(() -> recorded().size() >= 1, "the recorder to listen");
    }

    private static void awaitAccepted(int count) throws InterruptedException {
        Await.until(() -> recorded().size() >= 1 + count, "the recorder to accept " + count);
    }

    private static List<String> recorded() {
        try {
            return Files.exists(record) ? Files.readAllLines(record) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root only (CI runs as root); without it the test is skipped, and fails in CI. */
    private static void requireNetworkNamespaces() throws Exception {
        Programs.require(List.of("unshare", "ip", "python3"), "apt-get install util-linux iproute2 python3");
        Process probe = new ProcessBuilder("unshare", "--net", "true").redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (probe.waitFor() != 0) {
            String message = "needs a network namespace of its own (unshare --net, as root): " + output;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
