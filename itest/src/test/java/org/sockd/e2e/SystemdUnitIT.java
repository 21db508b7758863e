package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units of config/examples pass {@code systemd-analyze verify} without a word about
 * them, and sockd.service keeps the hardening README "Installing on a host" promises. Verifying
 * needs no running systemd (the test machines have none as process 1): systemd-analyze loads the
 * units into a manager of its own. Needs systemd-analyze (Debian package {@code systemd}): CI
 * installs it ({@code .ci/run}) and fails without it; elsewhere the test is skipped without it.
 */
class SystemdUnitIT {

    private static final Path EXAMPLES = Build.ROOT.resolve("config/examples");
    /** Where the units expect the checkout, as README "Installing on a host" lays it out. */
    private static final String INSTALLED_AT = "/opt/sockd";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireSystemdAnalyze() {
        if (Programs.onPath("systemd-analyze")) {
            return;
        }
        String message = "systemd-analyze is not on the PATH: apt-get install systemd";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (.ci/run installs it in CI, where the units must be checked)");
        }
        Assumptions.abort(message);
    }

    @Test
    void theServiceVerifiesWithoutAFinding() throws Exception {
        ProgramResult verified = verify(install("sockd.service"));
        assertThat(findings(verified, "sockd.service")).as(verified.toString()).isEmpty();
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    @Test
    void theSocketActivatedPairVerifiesWithoutAFinding() throws Exception {
        ProgramResult verified = verify(install("sockd.socket"), install("sockd-inetd.service"));
        assertThat(findings(verified, "sockd.socket")).as(verified.toString()).isEmpty();
        assertThat(findings(verified, "sockd-inetd.service")).as(verified.toString()).isEmpty();
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    /** The check above can fail here: systemd-analyze reports what is wrong with a unit, as a line naming it. */
    @Test
    void aBrokenCopyOfTheServiceIsReported() throws Exception {
        Path unit = install("sockd.service");
        Files.writeString(unit, Files.readString(unit)
                .replace("NoNewPrivileges=yes", "NoNewPrivileges=yes\nNoSuchKey=1")
                .replace(Build.ROOT + "/bin/sockd", dir + "/missing/bin/sockd"));
        List<String> findings = findings(verify(unit), "sockd.service");
        assertThat(findings).anyMatch(line -> line.contains("NoSuchKey"));
        assertThat(findings).anyMatch(line -> line.contains("missing/bin/sockd"));
    }

    @Test
    void theServiceRunsTheDaemonAsItsOwnUserWithTheHardeningOfTheReadme() throws Exception {
        List<String> unit = Files.readAllLines(EXAMPLES.resolve("sockd.service"));
        assertThat(unit).contains("User=sockd", "Group=sockd", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "ProtectKernelTunables=yes", "RuntimeDirectory=sockd",
                "ReadWritePaths=/run/sockd /var/lib/sockd", "AmbientCapabilities=CAP_NET_BIND_SERVICE",
                "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "ExecReload=/bin/kill -HUP $MAINPID",
                "ExecStart=/opt/sockd/bin/sockd --config-dir /etc/sockd --pid-file /run/sockd/sockd.pid");
        // the JIT writes machine code and runs it: this option would stop the JVM
        assertThat(unit).noneMatch(line -> line.startsWith("MemoryDenyWriteExecute"));
    }

    /**
     * Copies an example unit into the temporary directory with the checkout where the tests run in
     * place of /opt/sockd: verify requires ExecStart's program to exist, and this repository's
     * bin/sockd is the very program an installation in /opt/sockd would run.
     */
    private Path install(String name) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(name));
        if (name.endsWith(".service")) {
            assertThat(text).as(name + " runs a program of the installation").contains(INSTALLED_AT + "/");
        }
        return Files.writeString(dir.resolve(name), text.replace(INSTALLED_AT + "/", Build.ROOT + "/"));
    }

    /**
     * {@code --man=no}: the units name the manual pages (Documentation=man:sockd(8)), which are in
     * the checkout's man/, not installed where man(1) looks on a test machine.
     */
    private static ProgramResult verify(Path... units) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no"));
        for (Path unit : units) {
            command.add(unit.toString());
        }
        return ProgramResult.run(new ProcessBuilder(command), null, 120);
    }

    /** @return what systemd-analyze said about this unit, a line each (by its name or its file) */
    private static List<String> findings(ProgramResult verified, String unit) {
        return (verified.out() + "\n" + verified.err()).lines().filter(line -> line.contains(unit)).toList();
    }
}
