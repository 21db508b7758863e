package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;
import org.sockd.common.testing.Await;

@Timeout(30)
class ShellActionRunnerTest {

    private static final PercentExpander EXPANDER = new PercentExpander(
            new PercentExpander.Lookups(a -> a.getHostAddress(), port -> Optional.empty(), 1), 4096);

    @TempDir
    Path dir;

    private final Reports reports = new Reports();
    private final List<ShellActionRunner> runners = new ArrayList<>();

    @AfterEach
    void stopRunners() throws InterruptedException {
        for (ShellActionRunner runner : runners) {
            runner.deactivate();
        }
    }

    static Stream<Arguments> hostileUserIds() {
        return Stream.of(
                arguments("a;touch X", "a_touch_X"),
                arguments("$(id)", "__id_"),
                arguments("`touch X`", "_touch_X_"),
                arguments("a\ntouch X", "a_touch_X"),
                arguments("a'; touch X; '\"", "a___touch_X____"),
                arguments("a && touch X", "a____touch_X"),
                arguments("a|touch X", "a_touch_X"),
                arguments("$HOME${IFS}>X", "_HOME__IFS__X"),
                arguments("../X", ".._X"),
                arguments("\u00fc\uD83D\uDE00;touch X", "___touch_X"),
                arguments("--help", "_--help"));
    }

    @ParameterizedTest
    @MethodSource("hostileUserIds")
    void aHostileUserIdRunsNothingAndReachesTheCommandCleaned(String userId, String cleaned) throws Exception {
        ShellActionRunner runner = runner(Duration.ofSeconds(10), 8, 256);
        runner.submit(Requests.action("cd '" + dir + "' && echo %u > out && echo %u", userId));
        ActionReport report = reports.next();
        assertThat(report).isEqualTo(new ActionReport.Exited("sockd.conf:12", ((ActionReport.Exited) report).pid(), 0, 0, cleaned));
        assertThat(report.text()).endsWith(") exited 0: " + cleaned);
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo(cleaned + "\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).map(Path::getFileName).map(Path::toString).containsExactly("out");
        }
    }

    @Test
    void pipesWrittenByTheAdministratorWork() throws Exception {
        ShellActionRunner runner = runner(Duration.ofSeconds(10), 8, 256);
        runner.submit(Requests.action("echo %u | tr a-z A-Z > '" + dir.resolve("out") + "'", "alice"));
        assertThat(reports.next()).extracting(ActionReport::level).isEqualTo(Level.INFO);
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo("ALICE\n");
    }

    @Test
    void aNonZeroExitIsLoggedAsAWarning() throws Exception {
        runner(Duration.ofSeconds(10), 8, 256).submit(Requests.action("echo no mail for %u; exit 3", "bob"));
        ActionReport report = reports.next();
        assertThat(report.level()).isEqualTo(Level.WARN);
        assertThat(report.text()).matches("action sockd\\.conf:12 \\(pid \\d+\\) exited 3: no mail for bob");
    }

    @Test
    void aCommandOverTheLengthCapIsLoggedAndNotRun() throws Exception {
        String template = "touch '" + dir.resolve("ran") + "'; echo " + "%u".repeat(20);
        runner(Duration.ofSeconds(10), 8, 256).submit(Requests.action(template, "x".repeat(300)));
        ActionReport report = reports.next();
        assertThat(report.level()).isEqualTo(Level.ERROR);
        assertThat(report.text()).startsWith("shell command too long: " + template.substring(0, 30) + "...");
        assertThat(dir.resolve("ran")).doesNotExist();
    }

    @Test
    void neverMoreThanTheCapRunAtOnce() throws Exception {
        ShellActionRunner runner = runner(Duration.ofSeconds(10), 2, 256);
        String marker = "'" + dir.resolve("run") + ".'$$";
        String command = "touch " + marker + "; ls '" + dir + "' | grep -c '^run' >> '" + dir.resolve("seen.log")
                + "'; sleep 0.3; rm " + marker;
        for (int i = 0; i < 6; i++) {
            runner.submit(Requests.action(command, "u"));
        }
        for (int i = 0; i < 6; i++) {
            assertThat(reports.next()).extracting(ActionReport::level).isEqualTo(Level.INFO);
        }
        List<Integer> seen = Files.readAllLines(dir.resolve("seen.log")).stream().map(Integer::valueOf).toList();
        assertThat(seen).hasSize(6);
        assertThat(seen.stream().mapToInt(Integer::intValue).max()).hasValue(2);
    }

    @Test
    void submitReturnsAtOnceWhenTheQueueIsFullAndTheDropIsReportedOnce() throws Exception {
        ShellActionRunner runner = runner(Duration.ofSeconds(10), 1, 1);
        Path release = dir.resolve("release");
        String held = "until [ -e '" + release + "' ]; do sleep 0.05; done";
        runner.submit(Requests.action(held, "running"));
        runner.submit(Requests.action(held, "waiting"));
        for (int i = 0; i < 200; i++) {
            runner.submit(Requests.action(held, "dropped")); // a submit that blocked would hold the test here
        }
        assertThat(reports.next()).isEqualTo(new ActionReport.Dropped("sockd.conf:12", 1));

        Files.createFile(release);
        // every drop was reported before this, as it happened: a second drop report would come first
        assertThat(reports.next()).isInstanceOf(ActionReport.Exited.class);
        assertThat(reports.next()).isInstanceOf(ActionReport.Exited.class);
    }

    @Test
    void stoppingKillsRunningCommandsAndForgetsWaitingOnes() throws Exception {
        ShellActionRunner runner = new ShellActionRunner(new Limits(Duration.ofSeconds(60), 1, 10), EXPANDER, reports);
        Path pid = dir.resolve("pid");
        runner.submit(Requests.action("echo $$ > '" + pid + "'; sleep 30; echo still here", "u"));
        runner.submit(Requests.action("touch '" + dir.resolve("waited") + "'", "u"));
        awaitContent(pid);
        runner.deactivate();
        assertThat(reports.next()).isInstanceOf(ActionReport.Stopped.class);
        assertThat(Processes.running(Long.parseLong(Files.readString(pid).trim()))).isFalse();
        assertThat(dir.resolve("waited")).doesNotExist();
    }

    @Test
    void afterStoppingSubmitDropsWithoutThrowing() throws Exception {
        ShellActionRunner runner = new ShellActionRunner(new Limits(Duration.ofSeconds(1), 1, 1), EXPANDER, reports);
        runner.deactivate();
        assertThatCode(() -> runner.submit(Requests.action("true", "u"))).doesNotThrowAnyException();
        assertThat(reports.next()).isInstanceOf(ActionReport.Dropped.class);
    }

    @Test
    void nothingIsThrownBackEvenForNoAction() {
        ShellActionRunner runner = runner(Duration.ofSeconds(1), 1, 1);
        assertThatCode(() -> runner.submit(null)).doesNotThrowAnyException();
    }

    private ShellActionRunner runner(Duration timeout, int maxConcurrent, int queueSize) {
        ShellActionRunner runner = new ShellActionRunner(new Limits(timeout, maxConcurrent, queueSize), EXPANDER, reports);
        runners.add(runner);
        return runner;
    }

    private static void awaitContent(Path file) throws InterruptedException {
        Await.until(() -> file.toFile().length() > 0, file + " to be written");
    }
}
