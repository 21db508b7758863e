package org.sockd.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A private rsyslogd: UDP on a free loopback port, every message written to a file as
 * {@code facility.severity TAG MSG}, nothing else loaded (no /dev/log, no system files touched).
 */
final class Rsyslog implements AutoCloseable {

    private final ChildProcess child;
    private final Path log;
    private final int port;

    private Rsyslog(ChildProcess child, Path log, int port) {
        this.child = child;
        this.log = log;
        this.port = port;
    }

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
        int port = freeUdpPort();
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

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** UDP gives no sign of a listener: send probes until one shows in the file. */
    private void awaitReady() throws IOException, InterruptedException {
        byte[] probe = "<13>probe: ready".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (lines().stream().noneMatch(line -> line.contains("probe: ready"))) {
                if (!child.process().isAlive() || System.nanoTime() - deadline > 0) {
                    throw new AssertionError("rsyslogd did not come up; its output:\n" + String.join("\n", child.output()));
                }
                socket.send(new DatagramPacket(probe, probe.length, InetAddress.getLoopbackAddress(), port));
                Thread.sleep(100);
            }
        }
    }

    int port() {
        return port;
    }

    /** @return the lines written so far */
    List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Waits for a written line that satisfies the test and returns it. */
    String awaitLine(Predicate<String> test, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - deadline < 0) {
            Optional<String> found = lines().stream().filter(test).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("syslog got no such line within " + seconds + " s; it got:\n" + String.join("\n", lines()));
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
    }
}
