package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * socks.conf {@code auth=forward} end to end: a client logs in to daemon A (-U) with its own name
 * and password, and A logs in to daemon B (-U, a password file of its own) with that same login;
 * a user the line's {@code *=} list does not name goes direct.
 * A hands passwords on only because both switches say so: {@code login.forward} of the password
 * file and {@code auth.forward.allowed} of socks.conf.
 */
class ChainLoginIT {

    private static final InetAddress TARGET_HOST = Sockets.address("127.0.0.2");

    @TempDir
    static Path shared;

    @AutoClose
    private static WebServer target;
    @AutoClose
    private static Daemon far;
    @AutoClose
    private static Daemon near;

    @BeforeAll
    static void start() throws Exception {
        target = new WebServer(TARGET_HOST);
        far = AuthDaemon.start(SocksifiedDaemon.PERMIT,
                AuthPasswordFile.create(Map.of("alice", "wonderland", "bob", "not-what-near-knows")));
        Path passwords = AuthPasswordFile.create(Map.of("alice", "wonderland", "bob", "rabbit-hole",
                "carol", "looking-glass"));
        near = AuthDaemon.awaitPasswords(SocksifiedDaemon.start(shared.resolve("near"),
                "upstream b socks5://127.0.0.1:" + far.port() + " auth=forward\nsockd @=b *=alice,bob 0.0.0.0 0.0.0.0\n"
                        + "direct 0.0.0.0 0.0.0.0\n",
                Map.of("sockd.auth.passwd.cfg", List.of("login.forward = B\"true\""),
                        "sockd.upstream.socksconf.cfg", List.of("auth.forward.allowed = B\"true\"")),
                "-U", passwords.toString()));
    }

    @Test
    void theClientsOwnLoginOpensTheFarDaemon() throws Exception {
        try (BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
            assertThat(client.connectLoggedIn(TARGET_HOST, target.port(), "alice", "wonderland").code()).isZero();
        }
        far.awaitLine(line -> line.contains("connected -- Connect from alice(")
                && line.endsWith("to 127.0.0.2 (" + target.port() + ")"), 10);
        near.awaitLine(line -> line.contains("connected -- Connect from alice(")
                && line.endsWith("using sockd at b (127.0.0.1:" + far.port() + ")"), 10);
        near.awaitLine(line -> line.contains("upstream b gets the clients' own passwords (auth=forward), in cleartext"), 10);
    }

    @Test
    void aLoginTheUserListDoesNotNameGoesDirect() throws Exception {
        try (BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
            assertThat(client.connectLoggedIn(TARGET_HOST, target.port(), "carol", "looking-glass").code()).isZero();
        }
        near.awaitLine(line -> line.contains("connected -- Connect from carol(")
                && line.endsWith("to 127.0.0.2 (" + target.port() + ")"), 10);
        assertThat(far.output()).noneMatch(line -> line.contains("Connect from carol("));
    }

    @Test
    void aPasswordTheFarDaemonRejectsFailsTheRequest() throws Exception {
        try (BindClient client = BindClient.open(BindClient.SOCKS5, near.address())) {
            assertThat(client.connectLoggedIn(TARGET_HOST, target.port(), "bob", "rabbit-hole").code())
                    .as("general failure").isEqualTo(1);
        }
        near.awaitLine(line -> line.contains("Failed to connect to sockd at b (127.0.0.1:" + far.port()
                + "): login rejected (status 1)"), 10);
        far.awaitLine(line -> line.contains("authentication failed for user bob: wrong password"), 10);
        assertThat(near.output()).as("no password in A's log").noneMatch(line -> line.contains("rabbit-hole"));
    }
}
