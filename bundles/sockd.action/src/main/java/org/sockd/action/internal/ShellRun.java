package org.sockd.action.internal;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one expanded command as {@code /bin/sh -c} the way tcp_wrappers' shell_cmd did (no stdin,
 * the daemon's uid), plus what the classic code lacked: a fixed working directory, a clean
 * environment, a bounded output capture, and a session of its own that is ended, with everything
 * the command started, when the command exits or runs out of time.
 */
final class ShellRun {

    /** Nothing of the daemon's environment (credentials, proxies, library paths) reaches a command. */
    static final Map<String, String> ENVIRONMENT = Map.of("PATH", "/usr/bin:/bin", "LANG", "C");
    static final int OUTPUT_LIMIT = 4096;
    /** How long a command's leftover background processes may keep its output open. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(1);
    private static final File NO_INPUT = new File("/dev/null");
    /** Not the daemon's, so that no command depends on where the daemon was started or keeps that directory busy. */
    static final File WORKING_DIRECTORY = new File("/");
    /**
     * Makes the shell the leader of a new session (util-linux, or busybox). A child the JDK starts
     * never leads a process group, so setsid execs the shell in place: the session id is the
     * shell's pid, which is how {@link CommandSession} finds the session.
     */
    private static final String SETSID = "/usr/bin/setsid";

    private final Duration timeout;
    private final CommandSession session;

    ShellRun(Duration timeout, CommandSession session) {
        this.timeout = timeout;
        this.session = session;
    }

    /** Runs the command and waits for it, at most the timeout plus twice the kill grace. */
    ActionReport run(String origin, String command) {
        Process process;
        try {
            process = start(command);
        } catch (IOException | RuntimeException e) {
            return new ActionReport.Failed(origin, "cannot start " + SETSID + " /bin/sh: " + e.getMessage());
        }
        OutputCapture output = OutputCapture.start(process.getInputStream(), OUTPUT_LIMIT);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                int descendants = session.end(process);
                return new ActionReport.TimedOut(origin, process.pid(), timeout.toSeconds(), descendants);
            }
        } catch (InterruptedException e) {
            session.killNow(process);
            Thread.currentThread().interrupt();
            return new ActionReport.Stopped(origin, process.pid());
        }
        int leftRunning = session.end(process);
        return new ActionReport.Exited(origin, process.pid(), process.exitValue(), leftRunning,
                output.firstLine(OUTPUT_WAIT));
    }

    private static Process start(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(SETSID, "/bin/sh", "-c", command)
                .directory(WORKING_DIRECTORY)
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        return builder.start();
    }
}
