package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install layout of README "Installing on a host" and config/examples/sockd.service, under a
 * temporary root instead of /: the configuration in etc/sockd, hot-deployed bundles in
 * var/lib/sockd/deploy, the pid file and the admin socket in run/sockd. bin/sockd is started as
 * the unit starts it (its flags and environment), relays a request, and puts its files where the
 * layout says, none into the checkout.
 */
class HostLayoutIT {

    @AutoClose
    private final WebServer web = new WebServer();

    @TempDir
    Path root;

    HostLayoutIT() throws Exception {
    }

    @Test
    void theDaemonRunsInTheInstallLayout() throws Exception {
        int port = Ports.tcp();
        Path etc = Files.createDirectories(root.resolve("etc/sockd"));
        Path deploy = Files.createDirectories(root.resolve("var/lib/sockd/deploy"));
        Path run = Files.createDirectories(root.resolve("run/sockd"));
        ConfigDir config = ConfigDir.copyOfShipped(etc, port);
        config.set("sockd.admin.cfg", "socket", "\"" + run.resolve("sockd.sock") + "\"");
        Path pidFile = run.resolve("sockd.pid");
        Path checkoutSocket = Build.ROOT.resolve("run/sockd.sock");
        boolean checkoutSocketBefore = Files.exists(checkoutSocket);

        try (ChildProcess daemon = ScriptProcess.start(List.of(ScriptProcess.script("sockd"),
                "--config-dir", etc.toString(), "--pid-file", pidFile.toString()),
                Map.of("SOCKD_NO_BUILD", "1",
                        "SOCKD_JVM_OPTS", "-Dfelix.fileinstall.dir=" + deploy + " " + Daemon.hostsFileOption()))) {
            daemon.awaitLine(line -> line.contains("sockd ready"), 60);
            daemon.awaitLine(line -> line.contains(" rules from " + etc.resolve("sockd.conf")), 10);

            assertThat(curl(port)).as("a request relayed by the shipped rules in etc/sockd").isEqualTo(web.body());
            assertThat(Files.readString(pidFile)).isEqualTo(daemon.process().pid() + "\n");
            assertThat(run.resolve("sockd.sock")).as("the admin socket").exists();
            assertThat(AdminTools.ctl(run.resolve("sockd.sock"), "status").exitCode())
                    .as("the admin socket answers").isZero();
            assertThat(Files.exists(checkoutSocket)).as("no admin socket in the checkout")
                    .isEqualTo(checkoutSocketBefore);

            // success to systemd: 0, or 143 (the unit's SuccessExitStatus=) when the JVM ends on the signal
            assertThat(daemon.stop()).as("exit status after SIGTERM").isIn(0, 143);
        }
        assertThat(pidFile).as("removed at the stop").doesNotExist();
        assertThat(run.resolve("sockd.sock")).as("removed at the stop").doesNotExist();
    }

    private String curl(int port) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "60", "--socks5", "127.0.0.1:" + port,
                "http://127.0.0.1:" + web.port() + "/").redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(70, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
