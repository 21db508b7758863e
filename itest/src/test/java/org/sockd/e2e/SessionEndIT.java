package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks4Client;

/**
 * After the classic lines of a granted session, one more line says why it ended, after how long and
 * to which address it was connected; the classic log's {@code end.lines} switch turns it off.
 */
class SessionEndIT {

    private static final String RULES = "permit 127.0.0.0 255.0.0.0\n";

    @AutoClose
    private final EchoServer echo;

    @TempDir
    Path home;

    SessionEndIT() throws IOException {
        echo = new EchoServer();
    }

    @Test
    void eachWayASessionEndsIsNamedOnALineAfterItsClassicOnes() throws Exception {
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            try (Socket client = granted(daemon, echo.address(), "closer")) {
                roundTrip(client);
            }
            assertThat(endLine(daemon, "closer")).contains(" reason client-closed after ")
                    .endsWith(", connected to " + text(echo.address()));
            assertThat(indexOf(daemon, "ended -- Connect from closer("))
                    .isGreaterThan(indexOf(daemon, "terminated -- Connect from closer("));

            endedByTheTarget(daemon);
            assertThat(endLine(daemon, "leaver")).contains(" reason target-closed after ");

            Socket resetter = granted(daemon, echo.address(), "resetter");
            roundTrip(resetter);
            resetter.setSoLinger(true, 0);
            resetter.close();
            assertThat(endLine(daemon, "resetter")).contains(" reason reset after ");

            try (Socket victim = granted(daemon, echo.address(), "victim")) {
                roundTrip(victim);
                String row = sessionRow(daemon, "victim");
                ProgramResult kill = AdminTools.ctl(daemon.adminSocket(), "kill", row.strip().split(" +")[0]);
                assertThat(kill.exitCode()).as(kill.toString()).isZero();
                assertThat(endLine(daemon, "victim")).contains(" reason killed after ");
            }
        }
    }

    @Test
    void aSessionLiveWhenTheDaemonStopsEndsAsShutdown() throws Exception {
        settings("sockd.core.cfg", "shutdown.grace.ms = I\"100\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES); Socket stayer = granted(daemon, echo.address(), "stayer")) {
            roundTrip(stayer);
            daemon.awaitLine(line -> line.contains("connected -- Connect from stayer("), 15);

            // kill(1), not Process.destroy(), which also closes the pipe the daemon's last lines come by
            daemon.signal("TERM");

            assertThat(daemon.awaitExit(30)).isIn(0, 143);
            assertThat(daemon.output()).anyMatch(line ->
                    line.contains("ended -- Connect from stayer(") && line.contains(" reason shutdown after "));
        }
    }

    @Test
    void aSessionLeftIdleEndsAsIdleTimeout() throws Exception {
        settings("sockd.core.cfg", "idle.timeout.s = I\"1\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES); Socket client = granted(daemon, echo.address(), "idler")) {
            roundTrip(client);
            assertThat(endLine(daemon, "idler")).containsPattern(" reason idle-timeout after \\d+s, connected to ");
        }
    }

    @Test
    void theSwitchLeavesTheClassicLinesAlone() throws Exception {
        settings("sockd.log.classic.cfg", "end.lines = B\"false\"");
        try (Daemon daemon = AdminDaemon.start(home, RULES)) {
            for (String user : List.of("first", "second")) {
                try (Socket client = granted(daemon, echo.address(), user)) {
                    roundTrip(client);
                }
            }
            // one writer, in order: the first session's end line would come before the second's lines
            daemon.awaitLine(line -> line.contains("terminated -- Connect from second("), 15);
            daemon.awaitLines(line -> line.matches(".* \\d+ bytes from .*"), 2, 15);
            assertThat(daemon.output()).noneMatch(line -> line.contains("ended --"));
        }
    }

    /** A target that says goodbye and hangs up first. */
    private void endedByTheTarget(Daemon daemon) throws Exception {
        try (ServerSocket leaving = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = granted(daemon, (InetSocketAddress) leaving.getLocalSocketAddress(), "leaver");
                Socket target = leaving.accept()) {
            target.getOutputStream().write("bye".getBytes());
            target.close();
            assertThat(client.getInputStream().readAllBytes()).isEqualTo("bye".getBytes());
        }
    }

    /** Writes one file of the daemon's configuration directory before it starts. */
    private void settings(String file, String line) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve(file), line + "\n");
    }

    private static Socket granted(Daemon daemon, InetSocketAddress target, String user) throws IOException {
        return Socks4Client.granted(daemon.address(), target, user, 10_000);
    }

    private static void roundTrip(Socket client) throws IOException {
        client.getOutputStream().write("ping".getBytes());
        assertThat(client.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
    }

    private static String endLine(Daemon daemon, String user) throws InterruptedException {
        return daemon.awaitLine(line -> line.contains("ended -- Connect from " + user + "("), 15);
    }

    private static int indexOf(Daemon daemon, String text) {
        List<String> output = daemon.output();
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in\n" + String.join("\n", output));
    }

    private static String sessionRow(Daemon daemon, String user) throws Exception {
        ProgramResult sessions = AdminTools.ctl(daemon.adminSocket(), "sessions");
        assertThat(sessions.exitCode()).as(sessions.toString()).isZero();
        return sessions.out().lines().filter(line -> line.contains("  " + user + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError(user + " is not listed:\n" + sessions.out()));
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
