package org.sockd.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process started the way an operator starts sockd: through the scripts in {@code bin/}, directly
 * or under a program that hands it a socket (socat, systemd-socket-activate). Every script in the
 * chain {@code exec}s the next, so the process ends as the daemon's JVM and its exit status is the
 * daemon's.
 */
final class ScriptProcess implements AutoCloseable {

    /** The repository, from {@code itest/} where the tests run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Process process;
    private final ProcessOutput output;

    private ScriptProcess(Process process) {
        this.process = process;
        this.output = new ProcessOutput(process);
    }

    /**
     * @param command the program and its arguments
     * @param environment variables to set on top of this JVM's environment
     */
    static ScriptProcess start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        // the scripts find this JDK first, as a user's JAVA_HOME
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new ScriptProcess(builder.start());
    }

    /** @return the JVM options that keep the daemon's name lookups on this machine, as for the other tests */
    static String hostsFileOption() {
        return "-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file");
    }

    static String script(String name) {
        return ROOT.resolve("bin").resolve(name).toString();
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
                        "the process exited (" + process.exitValue() + ") without the line; output:\n" + String.join("\n", output.lines())));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such line within " + seconds + " s; output:\n" + String.join("\n", output.lines()));
    }

    /** Waits for the process to end and returns its exit status. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not exit within " + seconds + " s; output:\n"
                    + String.join("\n", output.lines()));
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
