package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;

/**
 * Every sockd:* command run through the admin channel of the built daemon with the real client
 * ({@code bin/sockd ctl}), and the channel's socket over the daemon's life: made owner-only,
 * removed at stop, left to a daemon that answers on it, replaced when nobody does.
 */
class AdminIT {

    private static final String RULES = """
            deny 127.0.0.0 255.0.0.0 127.0.0.9 255.255.255.255
            permit 127.0.0.0 255.0.0.0
            """;

    @TempDir
    static Path home;

    @AutoClose
    private static EchoServer echo;
    @AutoClose
    private static Daemon daemon;
    private static Path routes;

    @BeforeAll
    static void start() throws Exception {
        echo = new EchoServer();
        routes = home.resolve("sockd.route");
        Files.writeString(routes, "127.0.0.1 0.0.0.0 0.0.0.0\n");
        daemon = AdminDaemon.start(home, RULES, "-r", routes.toString());
    }

    @Test
    void statusShowsTheVersionListenerPolicyServicesAndCounts() throws Exception {
        ProgramResult status = ctl("status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.err()).isEmpty();
        assertThat(status.out()).startsWith("sockd 0.").contains(
                "listeners: 127.0.0.1:" + daemon.port() + "\n",
                "sessions:  ",
                "bytes:     ");
        assertThat(status.out().lines()).anySatisfy(line -> assertThat(line).matches(
                " *\\* +AccessPolicy +sockd\\.conf +0 +\\d+ +sockd\\.access \\[\\d+]"));
        assertThat(status.out().lines()).anySatisfy(line -> assertThat(line).matches(
                " *\\* +RouteSelector +\\S+ +0 +\\d+ +sockd\\.route \\[\\d+]"));
    }

    @Test
    void aRelayedSessionIsListedWithItsBytesAndKillClosesTheClientsConnection() throws Exception {
        try (Socket client = socks4Connect("admin-it")) {
            client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(new DataInputStream(client.getInputStream()).readNBytes(4), StandardCharsets.US_ASCII))
                    .isEqualTo("ping");

            String line = sessionLine(client);
            assertThat(line).matches(" *\\d+  127\\.0\\.0\\.1:" + client.getLocalPort()
                    + " +admin-it +- +connect +127\\.0\\.0\\.1:" + echo.address().getPort() + " +relaying +\\d+s +4 +4");
            String id = line.strip().split(" +")[0];

            ProgramResult kill = ctl("kill", id);
            assertThat(kill.exitCode()).as(kill.toString()).isZero();
            assertThat(kill.out()).isEqualTo("closed session " + id + ": 127.0.0.1:" + client.getLocalPort()
                    + " to 127.0.0.1:" + echo.address().getPort() + " (connect)\n");
            assertClosed(client);

            ProgramResult after = ctl("sessions");
            assertThat(after.out().lines()).noneMatch(l -> l.contains("127.0.0.1:" + client.getLocalPort() + " "));
            ProgramResult status = ctl("status");
            assertThat(status.out()).containsPattern("sessions: +\\d+ live, [1-9]\\d* since ")
                    .containsPattern("bytes: +[1-9]\\d* from clients, [1-9]\\d* to clients");
        }
    }

    @Test
    void killWithABadOrUnknownIdSaysWhatToDo() throws Exception {
        ProgramResult word = ctl("kill", "abc");
        assertThat(word.exitCode()).as(word.toString()).isEqualTo(1);
        assertThat(word.out()).isEmpty();
        assertThat(word.err()).isEqualTo("kill: session id must be a number, as listed by sockd:sessions, not 'abc'\n");

        ProgramResult unknown = ctl("sockd:kill", "987654321");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("no live session 987654321 (sockd:sessions lists them)\n");

        ProgramResult none = ctl("kill");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(1);
        assertThat(none.err()).contains("kill").endsWith("(help kill shows what it takes)\n");
    }

    @Test
    void dumpShowsTheRulesAndRoutesInForceUnderTheirTitles() throws Exception {
        ProgramResult dump = ctl("dump");

        assertThat(dump.exitCode()).as(dump.toString()).isZero();
        assertThat(dump.out()).contains("routes from " + routes + ":\n  127.0.0.1 0.0.0.0 0.0.0.0\n");
        assertThat(dump.out()).contains("rules from " + daemon.rulesFile(), "2: permit 127.0.0.0 255.0.0.0 0.0.0.0 0.0.0.0");
    }

    @Test
    void routesListsTheTableInForceAndCheckNamesTheRoute() throws Exception {
        ProgramResult table = ctl("routes");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains(routes + ":1: 127.0.0.1 0.0.0.0 0.0.0.0");

        ProgramResult check = ctl("check", "127.0.0.1", "127.0.0.1", "80");
        assertThat(check.out()).contains("route:    leaves from 127.0.0.1 (" + routes + ":1: 127.0.0.1 0.0.0.0 0.0.0.0)");
    }

    @Test
    void reloadReportsEachFileAndAFileWithAnErrorFailsTheCommand() throws Exception {
        try {
            Files.writeString(daemon.rulesFile(), RULES + "permit 10.0.0.0 255.0.0.0\n");
            ProgramResult good = ctl("reload");
            assertThat(good.exitCode()).as(good.toString()).isZero();
            assertThat(good.out()).contains(daemon.rulesFile() + ": 3 rules\n");

            Files.writeString(daemon.rulesFile(), RULES + "permit 10.0.0.0 255.0.0.0 eqq 23\n");
            ProgramResult broken = ctl("reload");
            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
            assertThat(broken.err()).contains(daemon.rulesFile() + ": NOT reloaded, previous rules stay:\n  "
                    + daemon.rulesFile() + ":3: ");
            ProgramResult check = ctl("check", "10.1.2.3", "127.0.0.1", "80");
            assertThat(check.out()).as("the rules of the good file are in force").contains(
                    "rule:     " + daemon.rulesFile() + ":3: permit 10.0.0.0 255.0.0.0");
        } finally {
            Files.writeString(daemon.rulesFile(), RULES);
            assertThat(ctl("reload").exitCode()).isZero();
        }
    }

    @Test
    void checkTellsWhichRuleDecidesAndRefusesBadArguments() throws Exception {
        ProgramResult denied = ctl("check", "127.0.0.1", "127.0.0.9", "23", "joe");
        assertThat(denied.exitCode()).as(denied.toString()).isZero();
        assertThat(denied.out()).isEqualTo("""
                policy:   sockd.conf
                request:  SOCKS4 CONNECT from 127.0.0.1 to 127.0.0.9 port 23, user "joe"
                verdict:  deny
                rule:     %s:1: deny 127.0.0.0 255.0.0.0 127.0.0.9 255.255.255.255
                """.formatted(daemon.rulesFile()));

        ProgramResult permitted = ctl("check", "127.0.0.1", "127.0.0.1", "80");
        assertThat(permitted.out()).contains("verdict:  permit\n",
                "rule:     " + daemon.rulesFile() + ":2: permit 127.0.0.0 255.0.0.0\n");

        ProgramResult octal = ctl("check", "010.0.0.1", "127.0.0.1", "80");
        assertThat(octal.exitCode()).as(octal.toString()).isEqualTo(1);
        assertThat(octal.err()).startsWith("SRC '010.0.0.1' is not a plain dotted quad");
    }

    @Test
    void policiesListsTheAccessPolicyInUse() throws Exception {
        ProgramResult policies = ctl("policies");

        assertThat(policies.exitCode()).as(policies.toString()).isZero();
        assertThat(policies.out().lines()).anySatisfy(line -> assertThat(line).matches(
                "\\* +sockd\\.conf +0 +\\d+ +sockd\\.access \\[\\d+]"));
    }

    @Test
    void anyGogoCommandRunsAndAnUnknownOneSaysWhereToLook() throws Exception {
        ProgramResult bundles = ctl("lb", "sockd.admin");
        assertThat(bundles.exitCode()).as(bundles.toString()).isZero();
        assertThat(bundles.out()).contains("Active").contains("sockd admin");

        ProgramResult unknown = ctl("frobnicate");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Command not found: frobnicate (help lists the commands)\n");
    }

    @Test
    void theSocketIsTheDaemonUsersAloneInADirectoryOfItsOwn() throws Exception {
        Path socket = daemon.adminSocket();

        assertThat(Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        assertThat(daemon.output()).anyMatch(line -> line.contains("admin: ") && line.contains(" ran 'status': done"));
    }

    @Test
    void withoutADaemonTheClientExits3NamingTheSocket() throws Exception {
        Path nowhere = home.resolve("nowhere/sockd.sock");

        ProgramResult result = AdminTools.ctl(nowhere, "status");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).startsWith("sockd ctl: no daemon answers on " + nowhere + ": ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badUsageExits2() throws Exception {
        ProgramResult result = AdminTools.ctl(daemon.adminSocket());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("sockd ctl: no command given\nusage: sockd ctl");
    }

    @Test
    void binSockdCtlRunsTheClient() throws Exception {
        ProgramResult result = AdminTools.run(List.of(),
                List.of(ScriptProcess.script("sockd"), "ctl", "--socket", daemon.adminSocket().toString(), "sockd:policies"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("sockd.conf");
    }

    @Test
    void stopRemovesTheSocketAndASecondDaemonLeavesItToTheFirst(@TempDir Path other) throws Exception {
        Daemon first = AdminDaemon.start(other, RULES);
        try {
            try (Daemon second = AdminDaemon.startServingClients(other, RULES)) {
                second.awaitLine(line -> line.contains("admin channel not started: another process answers on "
                        + first.adminSocket()), 10);
                assertThat(AdminTools.ctl(first.adminSocket(), "status").out()).contains("127.0.0.1:" + first.port());
            }
            assertThat(first.adminSocket()).exists();
        } finally {
            first.stop();
        }
        assertThat(first.adminSocket()).doesNotExist();
    }

    @Test
    void aSocketLeftByAKilledDaemonIsReplacedByTheNext(@TempDir Path other) throws Exception {
        Daemon killed = AdminDaemon.start(other, RULES);
        killed.kill();
        assertThat(killed.adminSocket()).exists();
        assertThat(AdminTools.ctl(killed.adminSocket(), "status").exitCode()).isEqualTo(3);

        try (Daemon next = AdminDaemon.start(other, RULES)) {
            next.awaitLine(line -> line.contains("removing the stale admin socket " + next.adminSocket()), 10);
            ProgramResult status = AdminTools.ctl(next.adminSocket(), "status");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("listeners: 127.0.0.1:" + next.port());
        }
    }

    private static ProgramResult ctl(String... args) throws Exception {
        return AdminTools.ctl(daemon.adminSocket(), args);
    }

    private static Socket socks4Connect(String user) throws IOException {
        Socket client = new Socket("127.0.0.1", daemon.port());
        client.setSoTimeout(10_000);
        int port = echo.address().getPort();
        client.getOutputStream().write(new byte[] {4, 1, (byte) (port >> 8), (byte) port, 127, 0, 0, 1});
        client.getOutputStream().write((user + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] reply = new DataInputStream(client.getInputStream()).readNBytes(8);
        assertThat(reply[1] & 0xff).as("SOCKS 4 reply code").isEqualTo(90);
        return client;
    }

    /** @return the sessions line of the client's connection */
    private static String sessionLine(Socket client) throws Exception {
        ProgramResult sessions = ctl("sessions");
        assertThat(sessions.exitCode()).as(sessions.toString()).isZero();
        assertThat(sessions.out()).startsWith("id  client").containsPattern("\\d+ live sessions?\n$");
        return sessions.out().lines().filter(line -> line.contains("127.0.0.1:" + client.getLocalPort() + " "))
                .findFirst().orElseThrow(() -> new AssertionError("the session is not listed:\n" + sessions.out()));
    }

    /** The client sees its connection end: end of stream, or a reset. */
    private static void assertClosed(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        try {
            assertThat(in.read()).as("end of stream after kill").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open 10 s after kill", e);
        } catch (SocketException reset) {
            // closed with data in flight: just as closed
        }
    }
}
