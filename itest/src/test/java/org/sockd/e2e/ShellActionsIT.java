package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;

/**
 * The commands of sockd.conf rules run through the shell with every client-supplied value
 * cleaned: a hostile user-id cannot add a command, and the output shows what it was cleaned to.
 */
class ShellActionsIT {

    @TempDir
    static Path dir;

    @AutoClose
    private static Daemon daemon;
    @AutoClose
    private final EchoServer echo;

    ShellActionsIT() throws IOException {
        echo = new EchoServer();
    }

    @BeforeAll
    static void start() throws Exception {
        daemon = Daemon.start("""
                deny   *=mallory 127.0.0.0 255.0.0.0 : echo denied %u %c %a %s >> %1$s/denied
                permit 127.0.0.0 255.0.0.0 : cd %1$s && echo %%u | tr a-z A-Z >> upper; echo %%u >> permitted; echo %%u
                """.replace("%1$s", dir.toString()).replace("%%", "%"));
    }

    @ParameterizedTest(name = "user-id {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a;touch X        | a_touch_X",
        "$(touch X)       | __touch_X_",
        "`touch X`        | _touch_X_",
        "x' && touch X '  | x_____touch_X__",
    })
    void aHostileUserIdRunsNoExtraCommand(String user, String cleaned) throws Exception {
        assertThat(socks4(user)).isEqualTo(90);
        daemon.awaitLine(line -> line.endsWith("exited 0: " + cleaned), 10); // the command's own output
        assertThat(Files.readAllLines(dir.resolve("permitted"))).contains(cleaned);
        assertThat(dir.resolve("X")).doesNotExist();
        assertThat(Path.of("X")).doesNotExist();
    }

    @Test
    void theAdministratorsPipesStillWork() throws Exception {
        assertThat(socks4("pipe")).isEqualTo(90);
        awaitLineIn(dir.resolve("upper"), "PIPE");
    }

    @Test
    void aDenyRuleRunsItsCommandWithEveryCode() throws Exception {
        assertThat(socks4("mallory")).isEqualTo(91);
        awaitLineIn(dir.resolve("denied"), "denied mallory connect 127.0.0.1 " + echo.address().getPort());
    }

    private int socks4(String user) throws Exception {
        try (Socket client = new Socket("127.0.0.1", daemon.port())) {
            client.setSoTimeout(5000);
            int port = echo.address().getPort();
            client.getOutputStream().write(new byte[] {4, 1, (byte) (port >> 8), (byte) port, 127, 0, 0, 1});
            client.getOutputStream().write((user + "\0").getBytes(StandardCharsets.ISO_8859_1));
            return new DataInputStream(client.getInputStream()).readNBytes(8)[1] & 0xff;
        }
    }

    private static void awaitLineIn(Path file, String line) throws InterruptedException {
        try {
            Await.until(() -> lines(file).contains(line), file + " to get the line " + line);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it has " + lines(file), e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
