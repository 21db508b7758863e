package org.sockd.action.internal;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one expanded command as {@code /bin/sh -c} the way tcp_wrappers' shell_cmd did (no stdin,
 * the daemon's uid and working directory), plus what the classic code lacked: a clean
 * environment, a bounded output capture and a time limit that kills the whole process tree.
 */
final class ShellRun {

    /** Nothing of the daemon's environment (credentials, proxies, library paths) reaches a command. */
    static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/bin:/bin", "LANG", "C");
    static final int OUTPUT_LIMIT = 4096;
    /** How long a command's leftover background processes may keep its output open. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(1);
    private static final File NO_INPUT = new File("/dev/null");

    private final Duration timeout;
    private final ProcessTree tree;

    ShellRun(Duration timeout, ProcessTree tree) {
        this.timeout = timeout;
        this.tree = tree;
    }

    /** Runs the command and waits for it, at most the timeout plus the kill grace. */
    ActionReport run(String origin, String command) {
        Process process;
        try {
            process = start(command);
        } catch (IOException | RuntimeException e) {
            return new ActionReport.Failed(origin, "cannot start /bin/sh: " + e.getMessage());
        }
        OutputCapture output = OutputCapture.start(process.getInputStream(), OUTPUT_LIMIT);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                int descendants = tree.kill(process);
                return new ActionReport.TimedOut(origin, process.pid(), timeout.toSeconds(), descendants);
            }
        } catch (InterruptedException e) {
            tree.killNow(process);
            Thread.currentThread().interrupt();
            return new ActionReport.Stopped(origin, process.pid());
        }
        return new ActionReport.Exited(origin, process.pid(), process.exitValue(), output.firstLine(OUTPUT_WAIT));
    }

    private static Process start(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        return builder.start();
    }
}
