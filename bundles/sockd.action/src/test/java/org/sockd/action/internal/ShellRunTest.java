package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.common.testing.Await;

@Timeout(20)
class ShellRunTest {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final ShellRun shell = new ShellRun(Duration.ofSeconds(10), new CommandSession(GRACE));

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
        ActionReport report = shell.run("o", "cat; echo read-all");
        assertThat(report).as("cat read end of file, not waited for the timeout").isInstanceOf(ActionReport.Exited.class)
                .extracting("firstLine").isEqualTo("read-all");
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
    void theWorkingDirectoryIsTheRootNotTheDaemons() {
        assertThat(System.getProperty("user.dir")).isNotEqualTo("/");
        assertThat(shell.run("o", "pwd")).extracting("firstLine").isEqualTo("/");
    }

    @Test
    void theCommandLeadsASessionOfItsOwn() throws Exception {
        ActionReport.Exited report = (ActionReport.Exited) shell.run("o", "cat /proc/self/stat");
        long session = ProcStat.parse(report.firstLine()).session();
        assertThat(session).isEqualTo(report.pid());
        assertThat(session).isNotEqualTo(ProcStat.read(ProcessHandle.current().pid()).orElseThrow().session());
    }

    @Test
    void aBackgroundChildIsKilledWhenTheCommandExits() throws Exception {
        Path child = dir.resolve("child");
        ActionReport report = shell.run("o", "sleep 300 & echo $! > '" + child + "'; echo started");
        assertThat(report).isInstanceOfSatisfying(ActionReport.Exited.class, exited -> {
            assertThat(exited.status()).isZero();
            assertThat(exited.leftRunning()).isEqualTo(1);
            assertThat(exited.firstLine()).isEqualTo("started");
        });
        long pid = Long.parseLong(Files.readString(child).trim());
        Await.until(() -> Processes.ended(pid), "the background sleep " + pid + " to end");
    }

    @Test
    void aCommandWithNothingLeftRunningCountsNone() {
        assertThat(shell.run("o", "sleep 0 & wait; echo done")).extracting("leftRunning").isEqualTo(0);
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
        ActionReport.TimedOut report = timesOutAndEnds("sleep 30 & echo $! > '%s'; sleep 30");
        assertThat(report.descendants()).isPositive();
    }

    /** Its parent exited before the timeout, so it is no descendant of the shell any more. */
    @Test
    void anOrphanedGrandchildIsKilledAtTheTimeout() throws Exception {
        timesOutAndEnds("(sleep 300 & echo $! > '%s'); sleep 30");
    }

    @Test
    void processesThatIgnoreSigtermAreKilledAfterTheGrace() throws Exception {
        timesOutAndEnds("trap '' TERM; sleep 30 & echo $! > '%s'; wait");
    }

    /**
     * Runs a script with 1 s to run; it and the child it started must be killed, or the test's
     * timeout ends it.
     *
     * @param script writes its child's pid to the file named by its {@code %s}
     */
    private ActionReport.TimedOut timesOutAndEnds(String script) throws Exception {
        ShellRun quick = new ShellRun(Duration.ofSeconds(1), new CommandSession(GRACE));
        Path child = dir.resolve("child");
        ActionReport report = quick.run("o", script.formatted(child));
        assertThat(report).isInstanceOf(ActionReport.TimedOut.class);
        ActionReport.TimedOut timedOut = (ActionReport.TimedOut) report;
        for (long pid : new long[] {timedOut.pid(), Long.parseLong(Files.readString(child).trim())}) {
            Await.until(() -> Processes.ended(pid), "process " + pid + " to end"); // a SIGKILL lands asynchronously
        }
        return timedOut;
    }
}
