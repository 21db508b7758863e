package org.sockd.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The built daemon ({@code bndrun/target/sockd.jar}) run as a separate process, as a user runs it. */
final class Daemon implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("sockd.jar", "../bndrun/target/sockd.jar"));

    private final Process process;
    private final ProcessOutput output;
    private final int port;
    private final Path rulesFile;

    private Daemon(Process process, int port, Path rulesFile) {
        this.process = process;
        this.port = port;
        this.rulesFile = rulesFile;
        this.output = new ProcessOutput(process);
    }

    /** Starts the daemon on a free loopback port with the given rules and waits until it is ready. */
    static Daemon start(String rules, String... extraArgs) throws IOException, InterruptedException {
        Path conf = Files.createTempFile("sockd", ".conf");
        Files.writeString(conf, rules);
        return start(conf, extraArgs);
    }

    /** Starts the daemon on a free loopback port with the given rules file and waits until it is ready. */
    static Daemon start(Path conf, String... extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("-f", conf.toString(), "-l", "127.0.0.1:" + port));
        args.addAll(List.of(extraArgs));
        Daemon daemon = new Daemon(launch(args), port, conf);
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        return daemon;
    }

    /** Starts the daemon with exactly these arguments and does not wait for anything. */
    static Daemon run(String... args) throws IOException {
        return new Daemon(launch(List.of(args)), -1, null);
    }

    private static Process launch(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgosh.args=--nointeractive", "-Dsockd.home=" + Path.of("..").toAbsolutePath().normalize(),
                "-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file"),
                "-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return the rules file the daemon was started with, or {@code null} */
    Path rulesFile() {
        return rulesFile;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    List<String> output() {
        return List.copyOf(output.lines());
    }

    /** Waits for an output line that satisfies the test and returns it. */
    String awaitLine(Predicate<String> test, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - deadline < 0) {
            for (String line : output.lines()) {
                if (test.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                output.awaitEnd(5000);
                return output.lines().stream().filter(test).findFirst().orElseThrow(() -> new AssertionError(
                        "the daemon exited (" + process.exitValue() + ") without the line; output:\n" + String.join("\n", output.lines())));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such line within " + seconds + " s; output:\n" + String.join("\n", output.lines()));
    }

    /** Waits for the process to end and for its last output line to be collected. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon did not exit within " + seconds + " s");
        }
        output.awaitEnd(5000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
