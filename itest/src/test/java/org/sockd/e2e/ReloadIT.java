package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;

/**
 * Reloading cannot hurt: a broken file keeps the rules in force, a good one takes over for new
 * requests only, and a frozen file beside the text is what the daemon reads.
 */
class ReloadIT {

    @AutoClose
    private static EchoServer echo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        echo = new EchoServer();
    }

    @Test
    void aBrokenFileKeepsTheOldRulesAndAGoodOneTakesOverForNewRequestsOnly() throws Exception {
        Path conf = dir.resolve("sockd.conf");
        Files.writeString(conf, "permit 127.0.0.0 255.0.0.0\n");
        try (Daemon daemon = Daemon.start(conf)) {
            try (Socket inFlight = connect(daemon)) {
                assertThat(reply(inFlight)).isZero();

                ConfigDir.replace(conf, "deny 127.0.0.0 255.0.0.0\npermit 127.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0 eqq 23\n");
                daemon.signal("HUP");
                daemon.awaitLine(line -> line.contains(conf + ":2: Invalid comparison"), 10);
                daemon.awaitLine(line -> line.contains("the previous rules stay in force"), 10);
                assertThat(replyToNewClient(daemon)).as("still the old rules").isZero();

                ConfigDir.replace(conf, "deny 127.0.0.0 255.0.0.0\n");
                daemon.signal("HUP");
                daemon.awaitLine(line -> line.contains("reloaded 1 rules from " + conf), 10);
                assertThat(replyToNewClient(daemon)).as("the new rules refuse").isEqualTo(2);

                assertEchoes(inFlight); // begun under the old rules, it goes on under them
            }
        }
    }

    @Test
    void theFrozenFileBesideTheTextIsWhatTheDaemonReads() throws Exception {
        Path conf = dir.resolve("sockd.conf");
        Files.writeString(conf, "deny 127.0.0.0 255.0.0.0\n");
        ProgramResult made = tool("make-fc", conf.toString());
        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(dir.resolve("sockd.fc")).exists();
        Files.writeString(conf, "permit 127.0.0.0 255.0.0.0\n"); // edited, not frozen again

        try (Daemon daemon = Daemon.start(conf)) {
            daemon.awaitLine(line -> line.contains("using the frozen rules of " + dir.resolve("sockd.fc")), 10);
            daemon.awaitLine(line -> line.contains("is older than " + conf), 10);
            assertThat(replyToNewClient(daemon)).isEqualTo(2);
        }
    }

    private static Socket connect(Daemon daemon) throws IOException {
        Socket client = new Socket("127.0.0.1", daemon.port());
        client.setSoTimeout(5000);
        int port = echo.address().getPort();
        client.getOutputStream().write(new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, (byte) (port >> 8), (byte) port});
        return client;
    }

    private static int reply(Socket client) throws IOException {
        return new DataInputStream(client.getInputStream()).readNBytes(12)[3];
    }

    private static int replyToNewClient(Daemon daemon) throws IOException {
        try (Socket client = connect(daemon)) {
            return reply(client);
        }
    }

    private static void assertEchoes(Socket client) throws IOException {
        client.getOutputStream().write("still here".getBytes());
        assertThat(new String(new DataInputStream(client.getInputStream()).readNBytes(10))).isEqualTo("still here");
    }

    /** Runs the freezing tool from the bundles inside the built sockd.jar, as bin/sockd does. */
    private static ProgramResult tool(String... args) throws Exception {
        List<String> command = Build.toolCommand(List.of(), "org.sockd.access.internal.FrozenTool", List.of(args));
        return ProgramResult.run(new ProcessBuilder(command).redirectErrorStream(true), null, 30);
    }
}
