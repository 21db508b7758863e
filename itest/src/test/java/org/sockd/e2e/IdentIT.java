package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockd.itest.EchoServer;

/**
 * The RFC 1413 checks ({@code -I}, {@code -i}, {@code ?=} on a rule) against a real oidentd on
 * 127.0.0.1:113, with SOCKS 4 clients run as real local users, so that identd names the real owner
 * of each client socket. Clients from 127.0.0.2 have no identd: nothing listens on 127.0.0.2:113.
 * Needs root (port 113, useradd, runuser), as in CI; skipped otherwise.
 */
class IdentIT {

    private static final String ALICE = "sockd-ident-a";
    private static final String BOB = "sockd-ident-b";
    private static final String ANY_LOOPBACK = "127.0.0.0 255.0.0.0";

    /**
     * A SOCKS 4 CONNECT to 127.0.0.1:DPORT through the daemon from SOURCE with the claimed USER-ID;
     * prints the uid it runs as, the CD byte of the reply and, when granted, what the target echoed.
     */
    private static final String SOCKS4_CLIENT = """
            import os, socket, sys
            source, port, dport, user = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
            print("uid", os.getuid(), flush=True)
            s = socket.socket()
            s.settimeout(40)
            s.bind((source, 0))
            s.connect(("127.0.0.1", port))
            def receive(size):  # up to size bytes: fewer only when the daemon closes
                data = b""
                while len(data) < size:
                    chunk = s.recv(size - len(data))
                    if not chunk:
                        break
                    data += chunk
                return data
            s.sendall(bytes([4, 1, dport >> 8, dport & 255, 127, 0, 0, 1]) + user.encode() + b"\\0")
            reply = receive(8)
            if len(reply) < 8:
                print("short reply", reply.hex(), flush=True)
                sys.exit(3)
            print("cd", reply[1], flush=True)
            if reply[1] == 90:
                s.sendall(b"ping")
                echoed = receive(4)
                print("echo", echoed.decode("ascii", "replace"), flush=True)
            """;

    /** Connects to 127.0.0.1:PORT and asks identd on 127.0.0.1:113 who owns that connection. */
    private static final String IDENT_QUERY = """
            import socket, sys
            port = int(sys.argv[1])
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            q = socket.create_connection(("127.0.0.1", 113), timeout=10)
            q.sendall(("%d , %d\\r\\n" % (s.getsockname()[1], port)).encode())
            print(q.makefile().readline().strip(), flush=True)
            """;

    @TempDir
    static Path dir;

    @AutoClose
    private static Oidentd oidentd;
    @AutoClose
    private static EchoServer echo;
    private static int aliceUid;
    private static int bobUid;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(isRoot(), "needs root: oidentd on port 113, useradd and runuser (CI runs as root)");
        aliceUid = LocalUsers.ensure(ALICE);
        bobUid = LocalUsers.ensure(BOB);
        oidentd = Oidentd.start(dir);
        echo = new EchoServer();
    }

    // --- the harness itself: real users own the client sockets, and oidentd says so ---

    @Test
    void oidentdNamesTheRealOwnerOfAClientSocket() throws Exception {
        int queriesBefore = identQueries();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            ProgramResult result = LocalUsers.runAs(BOB,
                    List.of(python(), "-c", IDENT_QUERY, String.valueOf(server.getLocalPort())), 30);
            assertThat(result.exitCode()).as(result.out()).isZero();
            assertThat(result.out().strip().replace(" ", ""))
                    .as("oidentd's answer; its output:\n" + String.join("\n", oidentd.output()))
                    .matches("\\d+," + server.getLocalPort() + ":USERID:UNIX[^:]*:" + BOB);
        }
        // what questionNOnARuleOverridesStrictI relies on to see that identd was not asked
        oidentd.awaitQueries(queriesBefore + 1);
        assertThat(identQueries()).as("queries counted in oidentd's output:\n" + String.join("\n", oidentd.output()))
                .isEqualTo(queriesBefore + 1);
    }

    // --- -I strict and -i lenient alike ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-I", "-i"})
    void aMatchingUserIsPermitted(String flag) throws Exception {
        try (Daemon daemon = startPermittingLoopback(flag)) {
            Reply reply = socks4(daemon, ALICE, "127.0.0.1", ALICE);
            assertServed(reply);
            daemon.awaitLine(line -> line.contains(
                    "connected -- Connect from " + ALICE + "(" + ALICE + ")@localhost to localhost (" + echoPort() + ")"), 10);
        }
    }

    /** BOB's socket claiming to be ALICE's: identd names BOB. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-I", "-i"})
    void aMismatchIsRefusedWith93AndAnAlert(String flag) throws Exception {
        try (Daemon daemon = startPermittingLoopback(flag)) {
            Reply reply = socks4(daemon, BOB, "127.0.0.1", ALICE);
            assertThat(reply.cd()).as(reply.toString()).isEqualTo(93);
            String alert = daemon.awaitLine(line -> line.endsWith("*Alert*: real user is " + BOB + ", not " + ALICE), 20);
            String refused = daemon.awaitLine(line -> line.contains(
                    "refused -- Connect from " + ALICE + "(" + BOB + ")@localhost to localhost (" + echoPort() + ")"), 10);
            assertInOrder(daemon, alert, refused);
        }
    }

    // --- -I strict ---

    @Test
    void strictUnreachableIdentdIsRefusedWith92() throws Exception {
        try (Daemon daemon = startPermittingLoopback("-I")) {
            assertUnreachableRefused(daemon);
        }
    }

    // --- -i lenient ---

    @Test
    void lenientUnreachableIdentdIsPermittedAndLogged() throws Exception {
        try (Daemon daemon = startPermittingLoopback("-i")) {
            Reply reply = socks4(daemon, ALICE, "127.0.0.2", ALICE);
            assertServed(reply);
            String cannot = daemon.awaitLine(cannotConnectTo("127.0.0.2"), 20);
            String connected = daemon.awaitLine(line -> line.contains(
                    "connected -- Connect from " + ALICE + "(unknown)@127.0.0.2 to localhost (" + echoPort() + ")"), 10);
            assertInOrder(daemon, cannot, connected);
        }
    }

    // --- ?= on a rule ---

    @Test
    void questionNOnARuleOverridesStrictI() throws Exception {
        int queriesBefore = identQueries();
        try (Daemon daemon = Daemon.start("permit ?=n " + ANY_LOOPBACK + "\n", "-I")) {
            // no identd on 127.0.0.2, and a claim identd would contradict: neither is asked about
            Reply unreachable = socks4(daemon, ALICE, "127.0.0.2", ALICE);
            assertServed(unreachable);
            daemon.awaitLine(line -> line.contains(
                    "connected -- Connect from " + ALICE + "(unknown)@127.0.0.2 to localhost (" + echoPort() + ")"), 10);

            Reply contradicted = socks4(daemon, ALICE, "127.0.0.1", BOB);
            assertServed(contradicted);
            daemon.awaitLine(line -> line.contains(
                    "connected -- Connect from " + BOB + "(unknown)@localhost to localhost (" + echoPort() + ")"), 10);

            assertThat(daemon.output()).noneMatch(line -> line.contains("cannot connect to identd") || line.contains("*Alert*"));
        }
        // oidentd prints a line per connection in the order it accepts them: once the line of this
        // query of our own is there, the line of any query the daemon made would be there too
        Oidentd.query(1, 1);
        oidentd.awaitQueries(queriesBefore + 1);
        assertThat(identQueries()).as("queries oidentd answered, ours included; its output:\n"
                + String.join("\n", oidentd.output())).isEqualTo(queriesBefore + 1);
    }

    @Test
    void questionIOnARuleWithoutAGlobalFlagIsStrict() throws Exception {
        try (Daemon daemon = Daemon.start("permit ?=I " + ANY_LOOPBACK + "\n")) {
            assertUnreachableRefused(daemon);

            Reply matching = socks4(daemon, ALICE, "127.0.0.1", ALICE);
            assertServed(matching);
            daemon.awaitLine(line -> line.contains(
                    "connected -- Connect from " + ALICE + "(" + ALICE + ")@localhost to localhost (" + echoPort() + ")"), 10);
        }
    }

    // --- shared checks ---

    private static Daemon startPermittingLoopback(String identFlag) throws Exception {
        return Daemon.start("permit " + ANY_LOOPBACK + "\n", identFlag);
    }

    /** Granted (90), and the echo target behind the daemon answered. */
    private static void assertServed(Reply reply) {
        assertThat(reply.cd()).as(reply.toString()).isEqualTo(90);
        assertThat(reply.echoed()).isEqualTo("ping");
    }

    /** A client from 127.0.0.2, whose identd (127.0.0.2:113) does not answer. */
    private static void assertUnreachableRefused(Daemon daemon) throws Exception {
        Reply reply = socks4(daemon, ALICE, "127.0.0.2", ALICE);
        assertThat(reply.cd()).as(reply.toString()).isEqualTo(92);
        String cannot = daemon.awaitLine(cannotConnectTo("127.0.0.2"), 20);
        String refused = daemon.awaitLine(line -> line.contains(
                "refused -- Connect from " + ALICE + "(unknown)@127.0.0.2 to localhost (" + echoPort() + ")"), 10);
        assertInOrder(daemon, cannot, refused);
    }

    private static Predicate<String> cannotConnectTo(String host) {
        return line -> line.endsWith("cannot connect to identd on " + host);
    }

    /** The 4.3 order (man/sockd.8, "Ident checks"): the identd line comes before the request's line. */
    private static void assertInOrder(Daemon daemon, String first, String second) {
        List<String> output = daemon.output();
        assertThat(output.indexOf(first)).as("line order in:\n" + String.join("\n", output))
                .isLessThan(output.indexOf(second));
    }

    private static int echoPort() {
        return echo.address().getPort();
    }

    /** How many queries oidentd has answered (its --debug output has one "Connection from" line each). */
    private static int identQueries() {
        return (int) oidentd.output().stream().filter(line -> line.contains("Connection from")).count();
    }

    /** Runs the SOCKS 4 client as the given local user, so that user owns the client socket. */
    private static Reply socks4(Daemon daemon, String user, String source, String claimed) throws Exception {
        ProgramResult result = LocalUsers.runAs(user, List.of(python(), "-c", SOCKS4_CLIENT, source,
                String.valueOf(daemon.port()), String.valueOf(echoPort()), claimed), 60);
        Integer uid = null;
        Integer cd = null;
        String echoed = null;
        for (String line : result.out().split("\n")) {
            if (line.startsWith("uid ")) {
                uid = Integer.parseInt(line.substring(4).strip());
            } else if (line.startsWith("cd ")) {
                cd = Integer.parseInt(line.substring(3).strip());
            } else if (line.startsWith("echo ")) {
                echoed = line.substring(5);
            }
        }
        assertThat(uid).as("the client runs as " + user + "; its output: " + result.out())
                .isEqualTo(user.equals(ALICE) ? aliceUid : bobUid);
        assertThat(cd).as("the client got a reply (exit " + result.exitCode() + "): " + result.out()
                + "\ndaemon output:\n" + String.join("\n", daemon.output())).isNotNull();
        return new Reply(cd, echoed, result.out());
    }

    private record Reply(int cd, String echoed, String clientOutput) {
    }

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            return new String(id.getInputStream().readAllBytes()).strip().equals("0") && id.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
