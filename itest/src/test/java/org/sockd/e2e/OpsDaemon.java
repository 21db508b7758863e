package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built daemon, started the way {@link Daemon} cannot: with JVM system properties of the
 * test's choosing (another logging configuration), or through a wrapper command that hands it a
 * socket as standard input.
 */
final class OpsDaemon implements AutoCloseable {

    private final Process process;
    private final ProcessOutput output;

    private OpsDaemon(Process process) {
        this.process = process;
        this.output = new ProcessOutput(process);
    }

    /**
     * @param wrapper a command that ends by executing its arguments (the java command line), or empty
     * @param properties system properties for the daemon's JVM
     * @param args the daemon's own arguments
     */
    static OpsDaemon start(List<String> wrapper, Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Dgosh.args=--nointeractive", "-Dsockd.home=" + Path.of("..").toAbsolutePath().normalize(),
                "-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Daemon.JAR.toString()));
        command.addAll(List.of(args));
        return new OpsDaemon(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The daemon's pid: a wrapper execs java, so the process it started is the daemon. */
    long pid() {
        return process.pid();
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
