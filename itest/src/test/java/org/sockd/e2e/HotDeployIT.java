package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;
import org.sockd.itest.EchoServer;
import org.sockd.itest.Socks5Client;

/**
 * The example policy bundle dropped into the running daemon's deploy folder and taken out again,
 * under load: requests to a deny-listed address are refused while it is there and allowed again once
 * it is gone, with no restart, while no session of the load fails and long-lived relays keep flowing.
 */
class HotDeployIT {

    private static final Path EXAMPLE_TARGET = Build.ROOT.resolve("bundles/sockd.example.policy/target");
    private static final int LOAD_CLIENTS = 8;
    private static final int LONG_LIVED_RELAYS = 4;
    private static final int SWITCH_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void theExamplePolicyComesAndGoesWithNoFailedOrDroppedSession() throws Exception {
        Path deploy = Files.createDirectories(dir.resolve("deploy"));
        Path rules = Files.writeString(dir.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\n");
        Path denyList = Files.writeString(dir.resolve("denylist.txt"), "# the second echo target\n127.0.0.2\n");
        Path admin = dir.resolve("admin.sock");
        int port = Ports.tcp();
        InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", port);
        try (EchoServer allowed = new EchoServer(InetAddress.getByName("127.0.0.1"));
                EchoServer listed = new EchoServer(InetAddress.getByName("127.0.0.2"));
                ChildProcess daemon = startDaemon(port, rules, deploy, admin)) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 120);
            // "ready" means listening: the first clients may still find bundles starting
            awaitReply(daemon, proxy, listed, 0, "before the deploy, sockd.conf alone decides");

            List<Socks5Client.Connection> relays = openRelays(proxy, allowed);
            try (EchoLoad load = new EchoLoad(proxy, allowed.address(), LOAD_CLIENTS, 180)) {
                awaitProgress(load);

                // the configuration first, so that the policy starts with its file
                Files.writeString(deploy.resolve("sockd.example.denylist.config"), "file=\"" + denyList + "\"\n");
                Path jar = deploy.resolve("sockd.example.policy.jar");
                Files.move(Files.copy(exampleJar(), dir.resolve("copying.jar")), jar, StandardCopyOption.ATOMIC_MOVE);
                awaitReply(daemon, proxy, listed, 2, "the deny list refuses 127.0.0.2 once the bundle is in");
                assertThat(ctl(admin, "sockd:check", "127.0.0.1", "127.0.0.2", "80")).as("the rule that refuses it")
                        .contains("verdict:  deny", "rule:     " + denyList + ":2: 127.0.0.2/32");
                assertThat(ctl(admin, "sockd:policies")).as("sockd:policies, the one in use first")
                        .containsPattern("(?m)^\\*\\s+denylist\\s+100\\s+\\d+\\s+sockd\\.example\\.policy")
                        .containsPattern("(?m)^\\s+sockd\\.conf\\s+0\\s");
                roundTrips(relays);
                awaitProgress(load);

                Files.delete(jar);
                awaitReply(daemon, proxy, listed, 0, "sockd.conf decides alone again once the bundle is out");
                assertThat(ctl(admin, "sockd:policies")).doesNotContain("denylist").containsPattern("(?m)^\\*\\s+sockd\\.conf\\s");
                roundTrips(relays);
                awaitProgress(load);

                load.close();
                assertThat(load.failures()).as("failed sessions among %d", load.completed()).isEmpty();
            } finally {
                for (Socks5Client.Connection relay : relays) {
                    relay.close();
                }
            }
            assertThat(daemon.process().isAlive()).as("the daemon never restarted").isTrue();
        }
    }

    /** bin/sockd with its deploy folder and its admin socket in the test's directory, so no other daemon's are used. */
    private ChildProcess startDaemon(int port, Path rules, Path deploy, Path admin) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sockd.admin.cfg"), "socket = \"" + admin + "\"\n");
        // the load's clients all come from 127.0.0.1 and connect as fast as they can: beyond the rate of one address
        Files.writeString(config.resolve("sockd.core.cfg"), "connect.rate.per.client = I\"0\"\n");
        return ScriptProcess.start(List.of(ScriptProcess.script("sockd"), "-f", rules.toString(),
                "-l", "127.0.0.1:" + port, "--config-dir", config.toString()),
                Map.of("SOCKD_JVM_OPTS", "-Dfelix.fileinstall.dir=" + deploy + " " + Daemon.hostsFileOption()));
    }

    /** @return the built example policy bundle */
    static Path exampleJar() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLE_TARGET)) {
            return files.filter(file -> file.getFileName().toString().matches("sockd\\.example\\.policy-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no example bundle in " + EXAMPLE_TARGET
                            + ": build it first (mvn install -pl bundles/sockd.example.policy)"));
        } catch (NoSuchFileException e) {
            throw new AssertionError("no " + EXAMPLE_TARGET + ": build the example bundle first"
                    + " (mvn install -pl bundles/sockd.example.policy)");
        }
    }

    /** @return what {@code bin/sockd ctl COMMAND...} prints for the daemon behind the admin socket */
    private static String ctl(Path admin, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(ScriptProcess.script("sockd"), "ctl", "--socket", admin.toString()));
        line.addAll(List.of(command));
        ProgramResult ctl = ProgramResult.run(ScriptProcess.builder(line, Map.of()).redirectErrorStream(true), null, 60);
        assertThat(ctl.exitCode()).as("bin/sockd ctl %s said:%n%s", String.join(" ", command), ctl.out()).isZero();
        return ctl.out();
    }

    /** Sessions that stay open across the deploy and the removal, each checked with a round trip now and then. */
    private static List<Socks5Client.Connection> openRelays(InetSocketAddress proxy, EchoServer echo) throws IOException, InterruptedException {
        List<Socks5Client.Connection> relays = new ArrayList<>();
        for (int i = 0; i < LONG_LIVED_RELAYS; i++) {
            Socks5Client.Connection relay = Socks5Client.connect(proxy, echo.address());
            relays.add(relay);
            assertThat(relay.reply()).isZero();
        }
        roundTrips(relays);
        return relays;
    }

    private static void roundTrips(List<Socks5Client.Connection> relays) throws IOException, InterruptedException {
        for (Socks5Client.Connection relay : relays) {
            relay.roundTrip("still here".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Waits until the load has completed some more sessions, proof that it runs through each phase. */
    private static void awaitProgress(EchoLoad load) throws InterruptedException {
        long before = load.completed();
        Await.until(() -> load.completed() >= before + 50, Duration.ofSeconds(SWITCH_SECONDS),
                "50 more sessions of the load after " + before);
    }

    private static void awaitReply(ChildProcess daemon, InetSocketAddress proxy, EchoServer target, int expected,
            String why) throws InterruptedException {
        try {
            Await.until(() -> reply(proxy, target) == expected, Duration.ofSeconds(SWITCH_SECONDS),
                    "the reply " + expected + ": " + why);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the daemon said:\n" + String.join("\n", daemon.output()), e);
        }
    }

    /**
     * @return the SOCKS 5 reply code to a CONNECT to the target (when granted, the relay is checked
     *         too), or -1 when the session broke off
     */
    private static int reply(InetSocketAddress proxy, EchoServer target) {
        try (Socks5Client.Connection session = Socks5Client.connect(proxy, target.address())) {
            if (session.reply() == 0) {
                session.roundTrip(new byte[] {1, 2, 3});
            }
            return session.reply();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Await's next sleep ends the wait
            return -1;
        }
    }
}
