package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGUSR1 and the pid file. (SIGHUP with a broken rules file keeping the rules in force is
 * ReloadIT's first test.)
 */
class OpsSignalsIT {

    @TempDir
    Path dir;

    @Test
    void sigusr1WritesTheConfigurationInEffectToTheLogAndTheDaemonGoesOn() throws Exception {
        try (Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "-i")) {
            daemon.signal("USR1");

            daemon.awaitLine(line -> line.endsWith("[INFO] sockd - config dump end"), 10);
            assertThat(daemon.output()).anyMatch(line -> line.endsWith("[INFO] sockd - config dump begin"));
            assertThat(daemon.output()).anyMatch(line -> line.endsWith(
                    "sockd - listening on 127.0.0.1:" + daemon.port() + " (sockd.listener~cli0)"));
            assertThat(daemon.output()).anyMatch(line -> line.contains("sockd - configuration sockd.access.sockdconf (")
                    && line.contains("file=" + daemon.rulesFile() + " (command line)")
                    && line.contains("ident.mode=LENIENT (command line)"));
            assertThat(daemon.output()).anyMatch(line -> line.contains("sockd - configuration sockd.core (")
                    && line.contains("handshake.timeout.ms=30000"));
            assertThat(daemon.process().isAlive()).isTrue();
            daemon.signal("USR1"); // the handler stays in place
            daemon.awaitLines(line -> line.endsWith("config dump end"), 2, 10);
        }
    }

    @Test
    void thePidFileIsWrittenRefusedWhileItsDaemonLivesAndRemovedAtTheEnd() throws Exception {
        Path pidFile = dir.resolve("sockd.pid");
        try (Daemon first = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "--pid-file", pidFile.toString())) {
            assertThat(Files.readString(pidFile)).isEqualTo(first.process().pid() + "\n");

            try (Daemon second = Daemon.run("-f", first.rulesFile().toString(), "-l", "127.0.0.1:0",
                    "--pid-file", pidFile.toString())) {
                assertThat(second.awaitExit(30)).isEqualTo(1);
                assertThat(second.output()).contains("sockd: pid file " + pidFile + " is held by running process "
                        + first.process().pid() + ": is sockd running already?");
            }
            assertThat(Files.readString(pidFile)).isEqualTo(first.process().pid() + "\n");

            first.process().toHandle().destroy(); // SIGTERM
            assertThat(first.awaitExit(30)).isIn(0, 143);
            assertThat(pidFile).doesNotExist();
        }
    }

    @Test
    void aPidFileLeftByADeadProcessIsReplaced() throws Exception {
        Path pidFile = dir.resolve("sockd.pid");
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(pidFile, gone.pid() + "\n");

        try (Daemon daemon = Daemon.start("permit 127.0.0.0 255.0.0.0\n", "--pid-file", pidFile.toString())) {
            assertThat(Files.readString(pidFile)).isEqualTo(daemon.process().pid() + "\n");
        }
    }
}
