package org.sockd.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.sockd.common.testing.Await;

/**
 * A real HAProxy (Debian package haproxy) run in the foreground on a configuration the test wrote.
 * Its warnings, such as {@code Server sockd/node1 is DOWN, reason: ...}, are its output lines.
 */
final class Haproxy extends ChildProcess {

    private static final Path PROGRAM = Path.of("/usr/sbin/haproxy");

    private Haproxy(Process process) {
        super(process);
    }

    /** Skips the test when HAProxy is not installed, except in CI (CI=true), where that fails it. */
    static void require() {
        if (Files.isExecutable(PROGRAM)) {
            return;
        }
        String message = "needs " + PROGRAM + ": apt-get install haproxy";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it)");
        }
        Assumptions.abort(message);
    }

    /** Starts HAProxy on the configuration file and waits until its front end listens on 127.0.0.1:{@code front}. */
    static Haproxy start(Path config, int front) throws IOException, InterruptedException {
        Haproxy haproxy = new Haproxy(new ProcessBuilder(PROGRAM.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).start());
        Await.until(() -> listens(front), "HAProxy to listen on 127.0.0.1:" + front);
        return haproxy;
    }

    /** @return how many output lines so far say that the server (backend/name) went down */
    long downs(String server) {
        return count(said(server, "DOWN"));
    }

    /** @return how many output lines so far say that the server (backend/name) came up */
    long ups(String server) {
        return count(said(server, "UP"));
    }

    /**
     * Waits until HAProxy has said {@code count} times in all that the server went down.
     *
     * @return the last of those lines, with HAProxy's reason
     */
    String awaitDown(String server, long count, int seconds) throws InterruptedException {
        awaitLines(said(server, "DOWN"), (int) count, seconds);
        return output().stream().filter(said(server, "DOWN")).skip(count - 1).findFirst().orElseThrow();
    }

    /** Waits until HAProxy has said {@code count} times in all that the server came up. */
    void awaitUp(String server, long count, int seconds) throws InterruptedException {
        awaitLines(said(server, "UP"), (int) count, seconds);
    }

    private static Predicate<String> said(String server, String state) {
        return line -> line.contains("Server " + server + " is " + state + ",");
    }

    private long count(Predicate<String> test) {
        return output().stream().filter(test).count();
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
