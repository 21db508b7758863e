package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built daemon with a home directory of its own (so its admin socket, {@code run/sockd.sock}
 * there, is the test's alone), optionally run as another local user. The home holds the rules
 * file and a configuration directory with nothing but the logging set-up.
 */
final class AdminDaemon implements AutoCloseable {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final ProcessOutput output;
    private final Path home;
    private final int port;

    private AdminDaemon(Process process, Path home, int port) {
        this.process = process;
        this.output = new ProcessOutput(process);
        this.home = home;
        this.port = port;
    }

    /** Starts the daemon as the user running the tests and waits until clients and the admin channel are served. */
    static AdminDaemon start(Path home, String rules, String... extraArgs) throws IOException, InterruptedException {
        return launch(List.of(), prepare(home, rules, null), extraArgs);
    }

    /**
     * Starts the daemon as another local user, who is given the home directory (the caller must be
     * root, and the home's parent directories must let that user through).
     */
    static AdminDaemon startAs(String user, Path home, String rules, String... extraArgs)
            throws IOException, InterruptedException {
        return launch(AdminTools.asUser(user), prepare(home, rules, user), extraArgs);
    }

    /**
     * Starts the daemon and waits only until it serves clients: for a daemon whose admin channel
     * is expected not to start.
     */
    static AdminDaemon startServingClients(Path home, String rules) throws IOException, InterruptedException {
        return launch(List.of(), prepare(home, rules, null), false);
    }

    private static AdminDaemon launch(List<String> prefix, Path home, String... extraArgs)
            throws IOException, InterruptedException {
        return launch(prefix, home, true, extraArgs);
    }

    private static AdminDaemon launch(List<String> prefix, Path home, boolean awaitChannel, String... extraArgs)
            throws IOException, InterruptedException {
        int port = Daemon.freePort();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(AdminTools.JAVA.toString(), "-XX:-UsePerfData", "-Dgosh.args=--nointeractive",
                "-Dsockd.home=" + home,
                "-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file"),
                "-jar", Daemon.JAR.toAbsolutePath().toString(),
                "-f", home.resolve("sockd.conf").toString(), "-l", "127.0.0.1:" + port,
                "--config-dir", home.resolve("config").toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        AdminDaemon daemon = new AdminDaemon(process, home, port);
        daemon.awaitLine(line -> line.contains("sockd ready"), 30);
        if (awaitChannel) {
            daemon.awaitLine(line -> line.contains("admin channel listening on " + daemon.socket()), 30);
        }
        return daemon;
    }

    /** @param owner the user to give the directory to, or {@code null} to leave it */
    private static Path prepare(Path home, String rules, String owner) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("config"));
        Files.copy(REPOSITORY.resolve("config/log4j2.xml"), home.resolve("config/log4j2.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(home.resolve("sockd.conf"), rules);
        if (owner != null) {
            AdminTools.Result chown = AdminTools.run(List.of(), List.of("chown", "-R", owner, home.toString()));
            if (chown.exitCode() != 0) {
                throw new AssertionError("chown " + owner + " " + home + ": " + chown);
            }
        }
        return home;
    }

    Path home() {
        return home;
    }

    /** The default admin socket of this home. */
    Path socket() {
        return home.resolve("run/sockd.sock");
    }

    Path rulesFile() {
        return home.resolve("sockd.conf");
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
                        "the daemon exited (" + process.exitValue() + ") without the line; output:\n"
                                + String.join("\n", output.lines())));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such line within " + seconds + " s; output:\n" + String.join("\n", output.lines()));
    }

    /** Stops the daemon as a service manager does (SIGTERM) and waits for it to end. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the daemon did not stop within 30 s of SIGTERM; output:\n"
                    + String.join("\n", output.lines()));
        }
        output.awaitEnd(5000);
        return process.exitValue();
    }

    /** Kills the daemon as kill -9 does: nothing of it runs any more, so its socket file stays behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
