package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks4Client;

/**
 * A reload that re-checks: the live sessions the new rules refuse end with reason revalidated and
 * the rule named, the others go on untouched; the dry run names exactly those beforehand.
 */
class RevalidationIT {

    private static final String BEFORE = "permit *=alice,bob 127.0.0.0 255.0.0.0\n";
    /** bob is no longer among the users, and 127.0.0.2 is no longer a destination. */
    private static final String AFTER = """
            deny 127.0.0.0 255.0.0.0 127.0.0.2 255.255.255.255
            permit *=alice 127.0.0.0 255.0.0.0
            """;

    @AutoClose
    private final EchoServer echo;
    @AutoClose
    private final EchoServer denied;

    @TempDir
    Path home;

    RevalidationIT() throws IOException {
        echo = new EchoServer();
        denied = new EchoServer(Sockets.address("127.0.0.2"));
    }

    @Test
    void theDryRunNamesExactlyTheSessionsTheReloadThenEnds() throws Exception {
        settings("sockd.access.sockdconf.cfg", "watch = B\"false\""); // the reload comes when the test says
        try (Daemon daemon = AdminDaemon.start(home, BEFORE);
                Socket bob = granted(daemon, echo.address(), "bob");
                Socket toDenied = granted(daemon, denied.address(), "alice");
                Socket kept = granted(daemon, echo.address(), "alice")) {
            List.of(bob, toDenied, kept).forEach(RevalidationIT::roundTrip);
            Path conf = daemon.rulesFile();
            ConfigDir.replace(conf, AFTER);

            ProgramResult dryRun = AdminTools.ctl(daemon.adminSocket(), "check", "--sessions");
            assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
            String denyRule = conf + ":1: deny 127.0.0.0 255.0.0.0 127.0.0.2 255.255.255.255";
            assertThat(dryRun.out().lines().toList()).satisfiesExactly(
                    first -> assertThat(first).isEqualTo(conf + " (on disk, not in force) would end 2 of 3 live sessions"),
                    second -> assertThat(second).matches("  session \\d+ " + Pattern.quote(local(bob) + " to "
                            + text(echo.address()) + ": refused: no rule matched")),
                    third -> assertThat(third).matches("  session \\d+ " + Pattern.quote(local(toDenied) + " to "
                            + text(denied.address()) + ": refused by " + denyRule)));
            List.of(bob, toDenied, kept).forEach(RevalidationIT::roundTrip); // a dry run ends nothing

            ProgramResult reload = AdminTools.ctl(daemon.adminSocket(), "reload", "--revalidate");
            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(reload.out()).contains(conf + ": 2 rules", "live sessions revalidated: 2 ended");

            assertThat(bob.getInputStream().read()).as("bob's session ended").isEqualTo(-1);
            assertThat(toDenied.getInputStream().read()).as("the session to 127.0.0.2 ended").isEqualTo(-1);
            roundTrip(kept);
            assertThat(daemon.awaitLine(line -> line.contains("ended -- Connect from bob("), 15))
                    .contains(" reason revalidated after ").endsWith("(refused: no rule matched)");
            daemon.awaitLine(line -> line.contains("ended by revalidation: refused by " + denyRule), 15);
            assertThat(daemon.output()).filteredOn(line -> line.contains("reason revalidated")).hasSize(2);
        }
    }

    @Test
    void withReloadRevalidateSetSighupEndsTheRefusedSessions() throws Exception {
        settings("sockd.core.cfg", "reload.revalidate = B\"true\"");
        Files.writeString(home.resolve("config/sockd.access.sockdconf.cfg"), "watch = B\"false\"\n");
        try (Daemon daemon = AdminDaemon.start(home, BEFORE);
                Socket bob = granted(daemon, echo.address(), "bob");
                Socket kept = granted(daemon, echo.address(), "alice")) {
            roundTrip(bob);
            roundTrip(kept);
            ConfigDir.replace(daemon.rulesFile(), AFTER);

            daemon.signal("HUP");

            daemon.awaitLine(line -> line.contains("SIGHUP: live sessions revalidated: 1 ended"), 15);
            assertThat(bob.getInputStream().read()).isEqualTo(-1);
            roundTrip(kept);
        }
    }

    private void settings(String file, String line) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve(file), line + "\n");
    }

    private static Socket granted(Daemon daemon, InetSocketAddress target, String user) throws IOException {
        return Socks4Client.granted(daemon.address(), target, user, 10_000);
    }

    private static void roundTrip(Socket client) {
        try {
            client.getOutputStream().write("ping".getBytes());
            assertThat(client.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
        } catch (IOException e) {
            throw new AssertionError("the session no longer relays", e);
        }
    }

    private static String local(Socket client) {
        return "127.0.0.1:" + client.getLocalPort();
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
