package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ShellRunTest {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final ShellRun shell = new ShellRun(Duration.ofSeconds(10), new ProcessTree(GRACE));

    @Test
    void pipesAndTheFirstLineOfOutputAreKept() {
        ActionReport report = shell.run("sockd.conf:1", "echo hello | tr a-z A-Z; echo second line; echo oops >&2");
        assertThat(report).isInstanceOfSatisfying(ActionReport.Exited.class, exited -> {
            assertThat(exited.origin()).isEqualTo("sockd.conf:1");
            assertThat(exited.status()).isZero();
            assertThat(exited.firstLine()).isEqualTo("HELLO");
            assertThat(exited.pid()).isNotEqualTo(ProcessHandle.current().pid());
        });
    }

    @Test
    void aNonZeroExitIsReportedWithItsStatus() {
        ActionReport report = shell.run("o", "echo failing >&2; exit 3");
        assertThat(report).isInstanceOfSatisfying(ActionReport.Exited.class, exited -> {
            assertThat(exited.status()).isEqualTo(3);
            assertThat(exited.firstLine()).isEqualTo("failing");
        });
    }

    @Test
    void stdinIsEmpty() {
        long start = System.nanoTime();
        ActionReport report = shell.run("o", "cat; echo read-all");
        assertThat(report).extracting("firstLine").isEqualTo("read-all");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theEnvironmentHoldsOnlyPathAndLang() throws Exception {
        assertThat(System.getenv()).isNotEmpty();
        shell.run("o", "env > '" + dir.resolve("env") + "'");
        List<String> names = Files.readAllLines(dir.resolve("env")).stream().map(line -> line.split("=", 2)[0]).toList();
        assertThat(names).contains("PATH", "LANG").isSubsetOf("PATH", "LANG", "PWD"); // sh itself sets PWD
        assertThat(Files.readAllLines(dir.resolve("env"))).contains("PATH=/usr/bin:/bin", "LANG=C");
    }

    @Test
    void outputFarLargerThanAPipeNeitherBlocksNorIsKept() {
        ActionReport report = shell.run("o", "head -c 10000000 /dev/zero; echo; echo done");
        assertThat(report).isInstanceOfSatisfying(ActionReport.Exited.class, exited -> {
            assertThat(exited.status()).isZero();
            assertThat(exited.firstLine()).isEqualTo("\0".repeat(ShellRun.OUTPUT_LIMIT));
        });
    }

    @Test
    void controlCharactersInTheOutputAreEscapedInTheLog() {
        ActionReport report = shell.run("o", "printf 'a\\033[2Jb\\r\\nforged line\\n'");
        assertThat(report.text()).isEqualTo("action o (pid " + ((ActionReport.Exited) report).pid() + ") exited 0: a\\x1b[2Jb");
    }

    @Test
    void aCommandOverTheTimeIsKilledWithTheProcessesItStarted() throws Exception {
        ShellRun quick = new ShellRun(Duration.ofSeconds(1), new ProcessTree(GRACE));
        Path child = dir.resolve("child");
        long start = System.nanoTime();
        ActionReport report = quick.run("o", "sleep 30 & echo $! > '" + child + "'; sleep 30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(report).isInstanceOfSatisfying(ActionReport.TimedOut.class,
                timedOut -> assertThat(timedOut.descendants()).isPositive());
        assertEnded(((ActionReport.TimedOut) report).pid(), Long.parseLong(Files.readString(child).trim()));
    }

    @Test
    void processesThatIgnoreSigtermAreKilledAfterTheGrace() throws Exception {
        ShellRun quick = new ShellRun(Duration.ofSeconds(1), new ProcessTree(GRACE));
        Path child = dir.resolve("child");
        long start = System.nanoTime();
        ActionReport report = quick.run("o", "trap '' TERM; sleep 30 & echo $! > '" + child + "'; wait");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(report).isInstanceOf(ActionReport.TimedOut.class);
        assertEnded(((ActionReport.TimedOut) report).pid(), Long.parseLong(Files.readString(child).trim()));
    }

    /** A SIGKILL lands asynchronously: an orphan gets up to 1 s to be gone, no more. */
    private static void assertEnded(long... pids) throws Exception {
        for (long pid : pids) {
            for (int i = 0; i < 20 && Processes.running(pid); i++) {
                Thread.sleep(50);
            }
            assertThat(Processes.running(pid)).as("process %d of %s", pid, Arrays.toString(pids)).isFalse();
        }
    }
}
