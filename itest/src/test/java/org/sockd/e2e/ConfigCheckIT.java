package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sockd -V} (and {@code check-config}) loads every file as the daemon would and tells
 * what each holds, or every error, without a listener or an admin channel; {@code ctl reload} tells
 * the running daemon's verdict in the same lines.
 */
class ConfigCheckIT {

    /** The daemon's home: its admin socket would be in run/ there. */
    @TempDir
    Path home;

    /** Two rules and one route: each file's count differs from the others'. */
    private static final String RULES = "permit 127.0.0.0 255.0.0.0\ndeny 0.0.0.0 0.0.0.0\n";
    private static final String ROUTES = "127.0.0.1 0.0.0.0 0.0.0.0\n";

    @Test
    void goodFilesAreCountedOneLineEachAndTheTestExitsZero() throws Exception {
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        Path routes = Files.writeString(home.resolve("sockd.route"), ROUTES);
        Path users = AuthPasswordFile.create(Map.of("alice", "secret-a", "bob", "secret-b"));

        ProgramResult check = sockd("-V", "-f", rules.toString(), "-r", routes.toString(), "-U", users.toString());

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).isEqualTo(rules + ": 2 rules\n" + routes + ": 1 routes\n" + users + ": 2 users\n");
    }

    @Test
    void checkConfigTellsEveryErrorOfEveryFileAndExitsOne() throws Exception {
        Path rules = Files.writeString(home.resolve("sockd.conf"), "permit 127.0.0.0 255.0.0.0\npermt 10.0.0.0\nfoo\n");
        Path routes = Files.writeString(home.resolve("sockd.route"), ROUTES + "not a route\n");

        ProgramResult check = sockd("check-config", "-f", rules.toString(), "-r", routes.toString());

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).isEmpty();
        assertThat(check.err()).contains(rules + ": NOT loaded (2 errors):\n  " + rules + ":2: ",
                "\n  " + rules + ":3: ", routes + ": NOT loaded (1 error):\n  " + routes + ":2: Invalid interface address");
    }

    @Test
    void theTestOpensNeitherTheListenersOfTheConfigurationDirectoryNorAnAdminChannel() throws Exception {
        Path rules = Files.writeString(home.resolve("sockd.conf"), RULES);
        int port = Ports.tcp();
        ConfigDir config = ConfigDir.copyOfShipped(Files.createDirectories(home.resolve("config")), port);

        try (Daemon check = Daemon.run(Daemon.Launch.DEFAULT.withHome(home), "-V", "-f", rules.toString(),
                "--config-dir", config.path().toString())) {
            int knocks = StartFailFastIT.knockUntilExit(port, check.process());

            assertThat(check.awaitExit(30)).as(String.join("\n", check.output())).isZero();
            assertThat(knocks).isPositive();
            assertThat(check.output()).contains(rules + ": 2 rules");
        }
        assertThat(home.resolve("run/sockd.sock")).doesNotExist();
    }

    @Test
    void ctlReloadTellsTheRunningDaemonsVerdictInTheLinesOfTheTest() throws Exception {
        Path routes = Files.writeString(home.resolve("sockd.route"), ROUTES);
        try (Daemon daemon = AdminDaemon.start(home, RULES, "-r", routes.toString())) {
            ProgramResult check = sockd("-V", "-f", daemon.rulesFile().toString(), "-r", routes.toString());
            ProgramResult reload = AdminTools.ctl(daemon.adminSocket(), "reload");

            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(check.exitCode()).as(check.toString()).isZero();
            assertThat(lines(reload.out())).containsExactlyInAnyOrderElementsOf(lines(check.out()));

            Files.writeString(routes, ROUTES + "not a route\n");
            ProgramResult broken = AdminTools.ctl(daemon.adminSocket(), "reload");

            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
            assertThat(broken.err()).contains(routes + ": NOT reloaded, previous routes stay:\n  " + routes
                    + ":2: Invalid interface address");
            assertThat(broken.err()).contains(daemon.rulesFile() + ": 2 rules");
        }
    }

    /** Runs bin/sockd to its end with these arguments. */
    private static ProgramResult sockd(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ScriptProcess.script("sockd")));
        command.addAll(List.of(args));
        return ProgramResult.run(ScriptProcess.builder(command, Map.of()), null, 120);
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
