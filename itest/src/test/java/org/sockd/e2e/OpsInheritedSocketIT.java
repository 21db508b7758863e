package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started with a socket as standard input (inetd, systemd socket activation) and no -l, the
 * launcher opens no listener of its own: not the command line's default, not the listener files.
 */
class OpsInheritedSocketIT {

    /** Listens on a free loopback port, makes that socket standard input, and runs its arguments. */
    private static final String LISTENING_STDIN = """
            import os, socket, sys
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            s.listen(8)
            os.dup2(s.fileno(), 0)
            os.execv(sys.argv[1], sys.argv[1:])
            """;

    @TempDir
    Path dir;

    @Test
    void aListeningSocketOnStandardInputLeavesTheListenerFilesUnused() throws Exception {
        int filePort = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(dir, filePort);
        try (Daemon daemon = Daemon.run(Daemon.Launch.DEFAULT.withWrapper(List.of("python3", "-c", LISTENING_STDIN)),
                "--config-dir", config.path().toString())) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 30);

            assertThat(daemon.output()).anyMatch(line ->
                    line.contains("standard input is a socket and no -l was given: no listener from the command line or "
                            + config.path()));
            assertThat(daemon.output()).noneMatch(line -> line.contains("listening on 127.0.0.1:" + filePort));
            assertThatThrownBy(() -> new Socket("127.0.0.1", filePort).close()).isInstanceOf(ConnectException.class);
        }
    }
}
