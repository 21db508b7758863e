package org.sockd.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sockd.common.testing.Captured;
import org.sockd.common.testing.RecordingLogger;

/** bin/sockd ctl against a real admin server in a temporary sockd home, and against peers that are none. */
@Timeout(30)
class ControlClientTest {

    @TempDir
    Path home;

    private final TestCommands commands = new TestCommands();
    private final Gogo gogo = new Gogo(commands, TestCommands.FUNCTIONS);
    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private AdminServer server;

    @BeforeEach
    void start() throws IOException {
        server = AdminServer.open(SocketPath.resolve("", home.toString()), new GogoRunner(gogo.processor()),
                Admission.ownerOrRoot(), new Limits(Duration.ofSeconds(20), Duration.ofSeconds(5), 4),
                new RecordingLogger().logger());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        gogo.close();
    }

    @Test
    void theDaemonsSocketIsFoundInTheHomeDirectoryAndTheResultPrinted() {
        assertThat(ctl("status")).isEqualTo(ControlClient.DONE);
        assertThat(out.text()).isEqualTo("sockd 1.2.3\nlisteners: 127.0.0.1:1080\n");
        assertThat(err.text()).isEmpty();
        assertThat(server.socket()).isEqualTo(home.resolve("run/sockd.sock"));
    }

    @Test
    void theArgumentsAreJoinedIntoOneCommandLineAndAFailureExits1WithTheMessageOnStderr() {
        assertThat(ctl("kill", "abc")).isEqualTo(ControlClient.FAILED);
        assertThat(out.text()).isEmpty();
        assertThat(err.text()).isEqualTo("kill: session id must be a number, as listed by sockd:sessions, not 'abc'\n");
    }

    @Test
    void theCommandsOutputAndErrorsGoWhereTheyBelong() {
        assertThat(ctl("printing")).isEqualTo(ControlClient.DONE);
        assertThat(out.text()).isEqualTo("printed on out\nthe result\n");
        assertThat(err.text()).isEqualTo("printed on err\n");
    }

    @Test
    void anotherSocketIsNamedWithSocket() {
        Path elsewhere = home.resolve("nowhere.sock");

        assertThat(ctl("--socket", server.socket().toString(), "status")).isEqualTo(ControlClient.DONE);
        assertThat(ctl("--socket=" + server.socket(), "sockd:status")).isEqualTo(ControlClient.DONE);
        assertThat(out.text()).isEqualTo("sockd 1.2.3\nlisteners: 127.0.0.1:1080\n".repeat(2));

        assertThat(ctl("--socket", elsewhere.toString(), "status")).isEqualTo(ControlClient.NO_DAEMON);
        assertThat(err.text()).isEqualTo("sockd ctl: no daemon answers on " + elsewhere
                + ": No such file or directory (is sockd running, with this admin socket?)\n");
    }

    @Test
    void noDaemonOnASocketLeftBehindExits3NamingThePath() throws IOException {
        Path stale = home.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        }

        assertThat(ctl("--socket", stale.toString(), "status")).isEqualTo(ControlClient.NO_DAEMON);
        assertThat(err.text()).isEqualTo("sockd ctl: no daemon answers on " + stale
                + ": Connection refused (a socket left by a daemon that is gone)\n");
    }

    @Test
    void noAnswerInTimeExits3() {
        assertThat(ctl("--timeout", "1", "sleep")).isEqualTo(ControlClient.NO_DAEMON);
        assertThat(err.text()).isEqualTo("sockd ctl: no answer from " + server.socket() + " within 1 s\n");
    }

    @Test
    void aPeerThatIsNoSockdOrStopsHalfwayExits3() throws Exception {
        Path socket = home.resolve("other.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(socket));
            Thread peer = Thread.ofVirtual().start(() -> answer(other, "HTTP/1.0 400 Bad Request\r\n", "out sockd 1.2.3\n"));

            assertThat(ctl("--socket", socket.toString(), "status")).isEqualTo(ControlClient.NO_DAEMON);
            assertThat(err.text()).isEqualTo("sockd ctl: " + socket + " answers something that is no sockd answer: "
                    + "HTTP/1.0 400 Bad Request\n");

            err.reset();
            assertThat(ctl("--socket", socket.toString(), "status")).isEqualTo(ControlClient.NO_DAEMON);
            assertThat(out.text()).isEqualTo("sockd 1.2.3\n");
            assertThat(err.text()).isEqualTo("sockd ctl: the daemon on " + socket
                    + " closed the connection before its answer was complete\n");
            peer.join(5000);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                       | no command given
            --socket                 | --socket needs a value
            --socket=                | --socket needs a path
            --timeout 0 status       | --timeout must be a number of seconds, not '0'
            --timeout x status       | --timeout must be a number of seconds, not 'x'
            --verbose status         | unknown option --verbose
            """)
    void badUsageExits2WithTheReasonAndTheUsage(String args, String message) {
        List<String> arguments = args.isEmpty() ? List.of() : List.of(args.split(" "));

        assertThat(ControlClient.run(arguments, home.toString(), out.stream(), err.stream())).isEqualTo(ControlClient.USAGE);
        assertThat(err.text()).startsWith("sockd ctl: " + message + "\nusage: sockd ctl [--socket PATH]")
                .contains("(default: " + home.resolve("run/sockd.sock") + ")");
        assertThat(out.text()).isEmpty();
    }

    @Test
    void aLineBreakOrAnOverlongLineIsRefusedBeforeAnythingIsSent() {
        assertThat(ctl("status\nkill", "1")).isEqualTo(ControlClient.USAGE);
        assertThat(err.text()).startsWith("sockd ctl: a command line cannot contain a line break\n");
        err.reset();
        assertThat(ctl("status", " ".repeat(Wire.MAX_REQUEST_BYTES))).isEqualTo(ControlClient.USAGE);
        assertThat(err.text()).startsWith("sockd ctl: the command line is longer than 8192 bytes\n");
    }

    @Test
    void dashDashEndsTheOptionsAndHelpPrintsTheUsage() {
        assertThat(ctl("--", "status")).isEqualTo(ControlClient.DONE);
        out.reset();

        assertThat(ctl("--help")).isEqualTo(ControlClient.DONE);
        assertThat(out.text()).startsWith("usage: sockd ctl").contains("exit status: 0 done, 1 the command failed, 2 usage, "
                + "3 no daemon answers");
    }

    private int ctl(String... args) {
        return ControlClient.run(List.of(args), home.toString(), out.stream(), err.stream());
    }

    /** Reads each request, then sends one text per connection and closes. */
    private static void answer(ServerSocketChannel server, String... texts) {
        for (String text : texts) {
            try (SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(Wire.MAX_REQUEST_BYTES + 1));
                client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
