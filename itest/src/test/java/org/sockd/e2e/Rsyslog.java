package org.sockd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sockd.common.testing.Await;

/**
 * A private rsyslogd: UDP on a free loopback port, every message written to a file as
 * {@code facility.severity TAG MSG}, nothing else loaded (no /dev/log, no system files touched).
 *
 * @param child the running rsyslogd
 * @param log the file it writes every message to
 * @param port its UDP port on 127.0.0.1
 */
record Rsyslog(ChildProcess child, Path log, int port) implements AutoCloseable {

    /** @return the rsyslogd program, if installed */
    static Optional<Path> executable() {
        return Stream.concat(Stream.of("/usr/sbin", "/sbin"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")))
                .map(dir -> Path.of(dir, "rsyslogd"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts rsyslogd with its files in the directory and waits until it writes what it receives. */
    static Rsyslog start(Path program, Path dir) throws IOException, InterruptedException {
        int port = Ports.udp();
        Path log = dir.resolve("messages");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s")
                module(load="imudp")
                input(type="imudp" address="127.0.0.1" port="%d")
                template(name="probe" type="string" string="%%syslogfacility-text%%.%%syslogseverity-text%% %%syslogtag%%%%msg%%\\n")
                *.* action(type="omfile" file="%s" template="probe")
                """.formatted(dir, port, log));
        ChildProcess child = ChildProcess.start(new ProcessBuilder(program.toString(), "-n", "-f", conf.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString()));
        Rsyslog rsyslog = new Rsyslog(child, log, port);
        rsyslog.awaitReady();
        return rsyslog;
    }

    /** UDP gives no sign of a listener: send probes until one shows in the file. */
    private void awaitReady() throws IOException, InterruptedException {
        byte[] probe = "<13>probe: ready".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            DatagramPacket packet = new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), port);
            Await.until(() -> !child.process().isAlive() || sent(socket, packet) && anyLine(line -> line.contains("probe: ready")),
                    Duration.ofSeconds(15), "rsyslogd's first line");
        }
        if (!child.process().isAlive()) {
            throw new AssertionError("rsyslogd did not come up; its output:\n" + String.join("\n", child.output()));
        }
    }

    private static boolean sent(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.send(packet);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the lines written so far */
    List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Waits for a written line that satisfies the test and returns it. */
    String awaitLine(Predicate<String> test, int seconds) throws IOException, InterruptedException {
        try {
            Await.until(() -> anyLine(test), Duration.ofSeconds(seconds), "a line in syslog");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it got:\n" + String.join("\n", lines()), e);
        }
        return lines().stream().filter(test).findFirst().orElseThrow();
    }

    private boolean anyLine(Predicate<String> test) {
        try {
            return lines().stream().anyMatch(test);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
    }
}
