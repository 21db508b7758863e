package org.sockd.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.sockd.common.testing.Await;

/**
 * A program the test started and lets run beside it. Its output (standard output and standard
 * error together) is collected as it comes, so that the test can wait for a line, wait for the
 * end, or stop it.
 */
class ChildProcess implements AutoCloseable {

    private final Process process;
    private final ProcessOutput output;

    ChildProcess(Process process) {
        this.process = process;
        this.output = new ProcessOutput(process);
    }

    /** Starts the program with its standard error merged into its standard output. */
    static ChildProcess start(ProcessBuilder program) throws IOException {
        return new ChildProcess(program.redirectErrorStream(true).start());
    }

    Process process() {
        return process;
    }

    /** @return a copy of the lines printed so far */
    List<String> output() {
        return List.copyOf(output.lines());
    }

    /** Waits for an output line that satisfies the test and returns it; fails at once when the process exits without it. */
    String awaitLine(Predicate<String> test, int seconds) throws InterruptedException {
        try {
            Await.until(() -> !process.isAlive() || output.lines().stream().anyMatch(test), Duration.ofSeconds(seconds),
                    "an output line of the process");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; output:\n" + printed(), e);
        }
        if (!process.isAlive()) {
            output.awaitEnd(5000); // the line may be among the last ones printed
        }
        return output.lines().stream().filter(test).findFirst().orElseThrow(() -> new AssertionError(
                "the process exited (" + process.exitValue() + ") without the line; output:\n" + printed()));
    }

    /** Waits until at least {@code count} output lines satisfy the test. */
    void awaitLines(Predicate<String> test, int count, int seconds) throws InterruptedException {
        try {
            Await.until(() -> output.lines().stream().filter(test).count() >= count, Duration.ofSeconds(seconds),
                    count + " such output lines");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; output:\n" + printed(), e);
        }
    }

    /** Waits for the process to end and for its last output line to be collected; returns its exit status. */
    int awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not exit within " + seconds + " s; output:\n" + printed());
        }
        output.awaitEnd(5000);
        return process.exitValue();
    }

    /** Stops the process as a service manager does (SIGTERM) and waits for it to end; returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not stop within 30 s of SIGTERM; output:\n" + printed());
        }
        output.awaitEnd(5000);
        return process.exitValue();
    }

    /** Sends the signal (its name without SIG) as an operator does, with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Kills the process as kill -9 does: nothing of it runs any more, and it cleans nothing up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ends the process (SIGTERM, and SIGKILL if that is not enough), unless it has ended already. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        output.awaitEnd(2000);
    }

    private String printed() {
        return String.join("\n", output.lines());
    }
}
