package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.access.internal.rule.RuleSet;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.reload.LiveFile;
import org.sockd.common.testing.RecordingLogger.Line;
import org.sockd.common.testing.RecordingLogger;

/** What is particular to sockd.conf as a live file; swapping and keeping are the holder's (LiveFileTest). */
class RulesFileTest {

    private final RecordingLogger log = new RecordingLogger();
    private final RuleEngine engine = new RuleEngine(IdentMode.OFF);

    @TempDir
    Path dir;

    @Test
    void aFileWithErrorsNamesEveryBadLine() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        LiveFile<RuleSet> rules = live(file);
        write("deny 10.0.0.0 255.0.0.0\nallow 0.0.0.0 0.0.0.0\npermit 10.0.0.0 255.0.0.0 eq nosuchservice\n");

        assertThat(rules.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed ->
                assertThat(failed.errors()).satisfiesExactly(
                        first -> assertThat(first).startsWith(file + ":2: "),
                        second -> assertThat(second).startsWith(file + ":3: ")));
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Allow.class);
        assertThat(log.lines()).contains(new Line("error", file + " not reloaded (2 errors): the previous rules stay in force"));
    }

    @Test
    void aFileThatDisappearedIsRefusedWithTheReason() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        LiveFile<RuleSet> rules = live(file);
        Files.delete(file);

        assertThat(rules.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed ->
                assertThat(failed.errors()).singleElement().asString().contains("no such file"));
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void atStartAFileWithErrorsRefusesEveryRequest() throws Exception {
        Path file = write("allow 0.0.0.0 0.0.0.0\n");
        LiveFile<RuleSet> rules = live(file);

        assertThat(decide(rules, "10.0.0.1")).isEqualTo(new Decision.Deny("no rule matched", null));
        assertThat(log.lines()).contains(new Line("error", file + " not loaded (1 error): refusing every request"));
    }

    @Test
    void aFileWithoutRulesIsUsedWithAWarning() throws Exception {
        Path file = write("# nothing yet\n");
        assertThat(live(file).current().rules()).isEmpty();
        assertThat(log.lines()).contains(new Line("warn", file + " has no rules: every request is refused"));
    }

    private LiveFile<RuleSet> live(Path file) {
        return new LiveFile<>(file, RulesFile::read, RulesFile.KIND, log.logger());
    }

    private Decision decide(LiveFile<RuleSet> rules, String client) {
        return engine.decide(rules.current(), connect(client, "192.0.2.1", 80));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("sockd.conf"), text);
    }
}
