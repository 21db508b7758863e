package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.itest.EchoServer;

/**
 * config/log4j2-syslog.xml against a real rsyslogd on loopback: the classic lines arrive with
 * facility daemon, level notice and the tag sockd[PID], as the classic daemon sent them.
 */
class SyslogIT {

    @TempDir
    Path dir;

    @Test
    void theClassicLinesReachSyslogAsDaemonNoticeTaggedWithThePid() throws Exception {
        Optional<Path> rsyslogd = Rsyslog.executable();
        // CI installs rsyslog (.ci/run): there a missing rsyslogd is a failure, not a skip
        assumeTrue(rsyslogd.isPresent() || "true".equals(System.getenv("CI")), "rsyslogd is not installed");
        assertThat(rsyslogd).as("rsyslogd (apt-get install rsyslog)").isPresent();

        Path rules = dir.resolve("sockd.conf");
        Files.writeString(rules, "permit 127.0.0.0 255.0.0.0\n");
        Path syslogDir = Files.createDirectory(dir.resolve("syslog"));
        try (Rsyslog syslog = Rsyslog.start(rsyslogd.get(), syslogDir);
                EchoServer echo = new EchoServer();
                Daemon daemon = Daemon.start(Daemon.Launch.DEFAULT.withJvmOptions(
                        "-Dlog4j2.configurationFile=" + ConfigDir.SHIPPED.resolve("log4j2-syslog.xml"),
                        "-Dsockd.syslog.port=" + syslog.port()), rules)) {
            try (Socket client = new Socket("127.0.0.1", daemon.port())) {
                client.setSoTimeout(10_000);
                int target = echo.address().getPort();
                client.getOutputStream().write(new byte[] {4, 1, (byte) (target >> 8), (byte) target, 127, 0, 0, 1, 'j', 'o', 'e', 0});
                assertThat(client.getInputStream().readNBytes(8)[1]).as("CD granted").isEqualTo((byte) 90);
            }

            String line = syslog.awaitLine(text -> text.contains("connected -- Connect from joe"), 10);
            assertThat(line)
                    .startsWith("daemon.notice sockd[" + daemon.process().pid() + "]: connected -- Connect from joe(unknown)@");
            // and the console still has it, as without syslog
            daemon.awaitLine(text -> text.contains("[INFO] sockd - connected -- Connect from joe"), 5);
        }
    }
}
