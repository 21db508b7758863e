package org.sockd.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.common.testing.RecordingLogger;

/** The server on real Unix-domain sockets in a temporary directory, running commands in the real Gogo runtime. */
@Timeout(30)
class AdminServerTest {

    private static final Limits LIMITS = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 4);

    @TempDir
    Path dir;

    private final TestCommands commands = new TestCommands();
    private final Gogo gogo = new Gogo(commands, TestCommands.FUNCTIONS);
    private final RecordingLogger log = new RecordingLogger();
    private final List<AdminServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AdminServer server : servers) {
            server.close();
        }
        gogo.close();
    }

    @Test
    void aCommandLineIsRunAndItsResultAnsweredAsTheConsoleShowsIt() throws Exception {
        Path socket = open(LIMITS).socket();

        List<String> expected = List.of("out sockd 1.2.3", "out listeners: 127.0.0.1:1080", "exit 0");
        assertThat(RawClient.exchange(socket, "status\n")).isEqualTo(expected);
        assertThat(RawClient.exchange(socket, "sockd:status\r\n")).isEqualTo(expected);
        assertThat(log.lines()).contains(new RecordingLogger.Line("info", "admin: " + me().getName() + " ran 'status': done"));
    }

    @Test
    void aFailingCommandAnswersItsMessageOnTheErrorStreamAndExit1() throws Exception {
        Path socket = open(LIMITS).socket();

        assertThat(RawClient.exchange(socket, "kill abc\n")).containsExactly(
                "err kill: session id must be a number, as listed by sockd:sessions, not 'abc'", "exit 1");
        assertThat(RawClient.exchange(socket, "nosuch\n")).containsExactly(
                "err Command not found: nosuch (help lists the commands)", "exit 1");
        assertThat(RawClient.exchange(socket, "kill 1 2\n")).containsExactly(
                "err Cannot coerce kill(Token, Token) to any of [(String)] (help kill shows what it takes)", "exit 1");
    }

    @Test
    void whatTheCommandPrintsIsAnsweredOnItsOwnStream() throws Exception {
        Path socket = open(LIMITS).socket();

        assertThat(RawClient.exchange(socket, "printing\n")).containsExactly(
                "out printed on out", "out the result", "err printed on err", "exit 0");
    }

    @Test
    void outputThatLooksLikeTheFramingStaysOutput() throws Exception {
        Path socket = open(LIMITS).socket();

        assertThat(RawClient.exchange(socket, "lines\n")).containsExactly(
                "out exit 0", "out err not an error", "out ", "exit 0");
    }

    @Test
    void theSocketIsTheOwnersAloneInADirectoryMadeForIt() throws Exception {
        Path socket = dir.resolve("made/run/sockd.sock");
        open(socket, Admission.ownerOrRoot(), LIMITS);

        assertThat(Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        assertThat(Files.getOwner(socket)).isEqualTo(me());
    }

    @Test
    void aStaleSocketIsReplaced() throws Exception {
        Path socket = dir.resolve("sockd.sock");
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file behind, as a kill -9 does
        }
        assertThat(socket).exists();

        open(socket, Admission.ownerOrRoot(), LIMITS);

        assertThat(RawClient.exchange(socket, "status\n")).endsWith("exit 0");
        assertThat(log.lines()).contains(new RecordingLogger.Line("info",
                "removing the stale admin socket " + socket + ": nobody answers on it"));
    }

    @Test
    void aSocketSomeoneAnswersOnIsLeftToThem() throws Exception {
        Path socket = open(LIMITS).socket();

        assertThatExceptionOfType(SocketFile.InUse.class)
                .isThrownBy(() -> AdminServer.open(socket, new GogoRunner(gogo.processor()), Admission.ownerOrRoot(), LIMITS,
                        log.logger()))
                .withMessage("another process answers on " + socket + " (a second sockd with the same admin socket?)");
        assertThat(RawClient.exchange(socket, "status\n")).endsWith("exit 0");
    }

    @Test
    void aFileThatIsNoSocketIsNeverRemoved() throws Exception {
        Path socket = dir.resolve("sockd.sock");
        Files.writeString(socket, "precious");

        assertThatIOException().isThrownBy(() -> open(socket, Admission.ownerOrRoot(), LIMITS))
                .withMessage(socket + " exists and is not a socket: remove it or configure another admin socket path");
        assertThat(socket).hasContent("precious");
    }

    @Test
    void aPathTooLongForASocketIsNamedInTheError() {
        Path socket = dir.resolve("x".repeat(120) + ".sock");

        assertThatIOException().isThrownBy(() -> open(socket, Admission.ownerOrRoot(), LIMITS))
                .withMessageStartingWith("cannot listen on " + socket + ": ");
        assertThat(socket).doesNotExist();
    }

    @Test
    void closingRemovesTheSocketButNotOneThatReplacedIt() throws Exception {
        AdminServer first = open(LIMITS);
        Path socket = first.socket();
        first.close();
        assertThat(socket).doesNotExist();

        AdminServer second = AdminServer.open(socket, new GogoRunner(gogo.processor()), Admission.ownerOrRoot(), LIMITS,
                log.logger());
        Files.delete(socket);
        try (ServerSocketChannel replacement = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            replacement.bind(UnixDomainSocketAddress.of(socket));
            second.close();
            assertThat(socket).exists();
        }
    }

    @Test
    void aCommandThatRunsTooLongIsInterruptedAndAnsweredAsFailed() throws Exception {
        Path socket = open(new Limits(Duration.ofSeconds(1), Duration.ofSeconds(10), 4)).socket();

        assertThat(RawClient.exchange(socket, "sleep\n")).containsExactly(
                "err the command did not finish within 1 s and was interrupted", "exit 1");
        Await.until(() -> commands.interrupted, "the command's thread to be interrupted");
    }

    @Test
    void clientsAreServedAtTheSameTime() throws Exception {
        Path socket = open(LIMITS).socket();
        commands.gathering = new CountDownLatch(3);

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> RawClient.exchange(socket, "gather\n")));
            }
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS)).containsExactly("out met", "exit 0");
            }
        }
    }

    @Test
    void moreClientsThanTheLimitAreToldTheServerIsBusy() throws Exception {
        Path socket = open(new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 1)).socket();
        CountDownLatch gathering = new CountDownLatch(2);
        commands.gathering = gathering;

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<String>> first = clients.submit(() -> RawClient.exchange(socket, "gather\n"));
            Await.until(() -> gathering.getCount() == 1, "the first client's command to run");

            assertThat(RawClient.exchange(socket, "status\n")).containsExactly(
                    "err busy: already serving 1 admin clients at once; try again", "exit 1");

            gathering.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).containsExactly("out met", "exit 0");
        }
        assertThat(RawClient.exchange(socket, "status\n")).endsWith("exit 0"); // the place is free again
    }

    @Test
    void aRequestThatIsTooLongNotUtf8OrEmptyIsAnsweredWithTheReason() throws Exception {
        Path socket = open(LIMITS).socket();

        byte[] tooLong = new byte[Wire.MAX_REQUEST_BYTES + 1];
        Arrays.fill(tooLong, (byte) 'a');
        tooLong[tooLong.length - 1] = '\n';
        assertThat(RawClient.exchange(socket, tooLong)).containsExactly(
                "err the command line is longer than 8192 bytes", "exit 1");
        assertThat(RawClient.exchange(socket, new byte[] {'s', (byte) 0xff, '\n'})).containsExactly(
                "err the command line is not UTF-8", "exit 1");
        assertThat(RawClient.exchange(socket, "  \n")).containsExactly(
                "err no command line was sent; for example: status", "exit 1");

        String longest = "status" + " ".repeat(Wire.MAX_REQUEST_BYTES - "status".length() - 1) + "\n";
        assertThat(RawClient.exchange(socket, longest)).endsWith("exit 0");
    }

    @Test
    void aRequestEndedByClosingTheClientsSideIsRunToo() throws Exception {
        Path socket = open(LIMITS).socket();

        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(java.nio.ByteBuffer.wrap("status".getBytes()));
            channel.shutdownOutput();
            assertThat(new String(Channels.newInputStream(channel).readAllBytes())).endsWith("exit 0\n");
        }
    }

    @Test
    void aPeerTheAdmissionRefusesHasNoCommandRun() throws Exception {
        CountDownLatch gathering = new CountDownLatch(1);
        commands.gathering = gathering;
        Path socket = open(dir.resolve("sockd.sock"), (peer, daemonUser) -> false, LIMITS).socket();

        assertThat(RawClient.exchange(socket, "gather\n")).containsExactly(
                "err refused: only the user sockd runs as, and root, may use " + socket, "exit 1");
        assertThat(gathering.getCount()).as("the command did not run").isEqualTo(1);
        assertThat(log.lines()).contains(new RecordingLogger.Line("warn", "admin: refused user " + me().getName() + " on "
                + socket + ": only " + me().getName() + " and root may use it"));
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheIoTimeout() throws Exception {
        Path socket = open(new Limits(Duration.ofSeconds(10), Duration.ofSeconds(1), 4)).socket();

        try (SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            assertThat(Channels.newInputStream(idle).readAllBytes()).as("closed without an answer").isEmpty();
        }
        assertThat(RawClient.exchange(socket, "status\n")).endsWith("exit 0"); // the server serves on
    }

    @Test
    void theDaemonsOwnUserAndRootAreAdmittedAndNoOneElse() throws IOException {
        UserPrincipal root = user("root");
        UserPrincipal nobody = user("nobody");
        UserPrincipal daemon = user("daemon");
        Admission admission = Admission.ownerOrRoot();

        assertThat(admission.admits(nobody, nobody)).isTrue();
        assertThat(admission.admits(root, nobody)).isTrue();
        assertThat(admission.admits(daemon, nobody)).isFalse();
        assertThat(admission.admits(nobody, daemon)).isFalse();
    }

    private AdminServer open(Limits limits) throws IOException {
        return open(dir.resolve("run/sockd.sock"), Admission.ownerOrRoot(), limits);
    }

    private AdminServer open(Path socket, Admission admission, Limits limits) throws IOException {
        AdminServer server = AdminServer.open(socket, new GogoRunner(gogo.processor()), admission, limits, log.logger());
        servers.add(server);
        return server;
    }

    private static UserPrincipal me() throws IOException {
        return user(System.getProperty("user.name"));
    }

    private static UserPrincipal user(String name) throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
    }
}
