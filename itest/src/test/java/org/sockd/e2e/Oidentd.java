package org.sockd.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sockd.common.testing.Await;

/**
 * A real oidentd (RFC 1413 server) run by the test in the foreground on 127.0.0.1:113 with its own
 * configuration, as the identd of the loopback "host" 127.0.0.1. Nothing listens on 127.0.0.2:113,
 * so clients connecting from 127.0.0.2 have an unreachable identd. Needs root (port 113).
 */
final class Oidentd implements AutoCloseable {

    static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 113);

    /** Users may not hide or spoof anything: every answer names the real owner of the connection. */
    private static final String CONFIG = """
            default {
            	default {
            		deny spoof
            		deny spoof_all
            		deny spoof_privport
            		deny random
            		deny random_numeric
            		deny numeric
            		deny hide
            		deny forward
            	}
            }
            """;

    private final ChildProcess child;

    private Oidentd(ChildProcess child) {
        this.child = child;
    }

    /** Starts oidentd with a configuration written to {@code dir} and waits until it accepts connections. */
    static Oidentd start(Path dir) throws IOException, InterruptedException {
        if (accepts()) {
            throw new AssertionError("something already listens on 127.0.0.1:113 (a leftover oidentd? "
                    + "`pgrep -ax oidentd`; stop it with `service oidentd stop` or kill it): the test needs its own");
        }
        Path config = dir.resolve("oidentd.conf");
        Files.writeString(config, CONFIG);
        List<String> command = List.of(executable(), "--foreground", "--nosyslog", "--debug",
                "--address=127.0.0.1", "--port=113", "--config=" + config,
                "--user=65534", "--group=65534"); // nobody / nogroup once bound
        Oidentd oidentd;
        try {
            oidentd = new Oidentd(ChildProcess.start(new ProcessBuilder(command)));
        } catch (IOException e) {
            throw new AssertionError("cannot run oidentd (apt-get install oidentd; .ci/run does): " + e.getMessage(), e);
        }
        try {
            Await.until(() -> accepts() || !oidentd.child.process().isAlive(), "oidentd to listen on 127.0.0.1:113");
        } catch (AssertionError e) {
            oidentd.close();
            throw new AssertionError(e.getMessage() + "; its output:\n" + String.join("\n", oidentd.output()), e);
        }
        if (!oidentd.child.process().isAlive()) {
            int status = oidentd.child.awaitExit(2);
            throw new AssertionError("oidentd exited (" + status + ") before listening on "
                    + "127.0.0.1:113; its output:\n" + String.join("\n", oidentd.output()));
        }
        // The probe above counts as a connection in oidentd's output: let its line arrive now, so
        // that tests counting queries start from a settled count.
        oidentd.awaitQueries(1);
        return oidentd;
    }

    private static String executable() {
        for (String candidate : List.of("/usr/sbin/oidentd", "/usr/local/sbin/oidentd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "oidentd";
    }

    private static boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(ADDRESS, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks this identd about a connection, as the daemon does, and returns the answer line. */
    static String query(int portOnClientHost, int portOnServer) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(ADDRESS, 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((portOnClientHost + " , " + portOnServer + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** Waits until oidentd's output has a line for each of {@code count} connections since its start. */
    void awaitQueries(int count) throws InterruptedException {
        child.awaitLines(line -> line.contains("Connection from"), count, 10);
    }

    /** @return what oidentd printed so far (with --debug: one line per query it answered) */
    List<String> output() {
        return child.output();
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
    }
}
