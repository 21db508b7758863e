package org.sockd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.sockd.common.testing.Await;

/** The built daemon started with {@code -U FILE}, returned once passwords are in force. */
final class AuthDaemon {

    private static final int WAIT_SECONDS = 30;

    private AuthDaemon() {
    }

    /**
     * Starts the daemon and waits until it answers a client offering only "no authentication"
     * with {@code 05 FF}: "sockd ready", and even the authenticator's "loaded N users", come
     * before the authenticator is in force (see PasswordAuthIT's startup test), and until then
     * clients would get in without a password.
     */
    static Daemon start(String rules, Path passwords) throws IOException, InterruptedException {
        return awaitPasswords(Daemon.start(rules, "-U", passwords.toString()));
    }

    /** Waits until a daemon started with {@code -U} requires passwords; closes it if it never does. */
    static Daemon awaitPasswords(Daemon daemon) throws InterruptedException {
        try {
            Await.until(() -> passwordsRequired(daemon), Duration.ofSeconds(WAIT_SECONDS), "the daemon to require passwords");
            return daemon;
        } catch (AssertionError e) {
            daemon.close();
            throw new AssertionError(e.getMessage() + "; output:\n" + String.join("\n", daemon.output()), e);
        } catch (InterruptedException | RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    private static boolean passwordsRequired(Daemon daemon) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(5000);
            socket.connect(daemon.address(), 5000);
            socket.getOutputStream().write(new byte[] {5, 1, 0});
            return HexFormat.of().formatHex(socket.getInputStream().readNBytes(2)).equals("05ff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
