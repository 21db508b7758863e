package org.sockd.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sockd.access.internal.Requests.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sockd.api.access.Decision;
import org.sockd.api.access.IdentMode;
import org.sockd.api.admin.ReloadResult;
import org.sockd.common.testing.RecordingLogger;
import org.sockd.common.testing.RecordingLogger.Line;

class LiveRulesTest {

    private final RecordingLogger log = new RecordingLogger();
    private final RuleEngine engine = new RuleEngine(IdentMode.OFF);

    @TempDir
    Path dir;

    @Test
    void aValidFileIsSwappedIn() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        LiveRules rules = LiveRules.load(file, LiveRules::read, log.logger());
        write("deny 10.0.0.0 255.0.0.0\npermit 0.0.0.0 0.0.0.0\n");

        assertThat(rules.reload()).isEqualTo(new ReloadResult.Reloaded(file.toString(), 2));
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Deny.class);
        assertThat(log.lines()).contains(new Line("info", "reloaded 2 rules from " + file));
    }

    @Test
    void aFileWithErrorsKeepsTheRulesInForceAndNamesEveryBadLine() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        LiveRules rules = LiveRules.load(file, LiveRules::read, log.logger());
        write("deny 10.0.0.0 255.0.0.0\nallow 0.0.0.0 0.0.0.0\npermit 10.0.0.0 255.0.0.0 eq nosuchservice\n");

        ReloadResult result = rules.reload();

        assertThat(result).isInstanceOfSatisfying(ReloadResult.Failed.class, failed -> {
            assertThat(failed.source()).isEqualTo(file.toString());
            assertThat(failed.errors()).hasSize(2);
            assertThat(failed.errors().get(0)).startsWith(file + ":2: ");
            assertThat(failed.errors().get(1)).startsWith(file + ":3: ");
        });
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Allow.class);
        assertThat(log.lines()).filteredOn(line -> line.level().equals("error")).extracting(Line::message)
                .containsExactly(((ReloadResult.Failed) result).errors().get(0),
                        ((ReloadResult.Failed) result).errors().get(1),
                        file + " not reloaded: 2 errors, the previous rules stay in force");
    }

    @Test
    void aFileThatDisappearedKeepsTheRulesInForce() throws Exception {
        Path file = write("permit 0.0.0.0 0.0.0.0\n");
        LiveRules rules = LiveRules.load(file, LiveRules::read, log.logger());
        Files.delete(file);

        assertThat(rules.reload()).isInstanceOfSatisfying(ReloadResult.Failed.class, failed ->
                assertThat(failed.errors()).singleElement().asString().contains("no such file"));
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void atStartAFileWithErrorsRefusesEverythingUntilAGoodReload() throws Exception {
        Path file = write("allow 0.0.0.0 0.0.0.0\n");
        LiveRules rules = LiveRules.load(file, LiveRules::read, log.logger());
        assertThat(decide(rules, "10.0.0.1")).isEqualTo(new Decision.Deny("no rule matched", null));
        assertThat(log.lines()).contains(new Line("error", file + " not loaded (1 error): refusing every request"));

        write("permit 0.0.0.0 0.0.0.0\n");
        rules.reload();
        assertThat(decide(rules, "10.0.0.1")).isInstanceOf(Decision.Allow.class);
    }

    private Decision decide(LiveRules rules, String client) {
        return engine.decide(rules.current(), connect(client, "192.0.2.1", 80));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("sockd.conf"), text);
    }
}
