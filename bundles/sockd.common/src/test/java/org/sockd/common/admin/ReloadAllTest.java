package org.sockd.common.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.common.testing.RecordingLogger;
import org.sockd.common.testing.RecordingLogger.Line;

/** The one reload path, as SIGHUP takes it (sockd:reload names itself instead); no signal is sent to the test JVM. */
class ReloadAllTest {

    private final RecordingLogger log = new RecordingLogger();
    private final List<String> called = new ArrayList<>();

    @Test
    void everyPolicyIsReloadedAndEachResultLogged() {
        ReloadResult good = new ReloadResult.Reloaded("/etc/sockd.conf", 12);
        ReloadResult.Failed bad = new ReloadResult.Failed("/etc/sockd.route", List.of("/etc/sockd.route:3: bad", "/etc/sockd.route:4: bad"));

        assertThat(ReloadAll.run(List.of(answering("conf", good), answering("route", bad)), log.logger(), "SIGHUP").verdicts())
                .containsExactly(new FileVerdict.Loaded("/etc/sockd.conf", "rules", 12),
                        new FileVerdict.Kept("/etc/sockd.route", "rules", bad.errors()));
        assertThat(called).containsExactly("conf", "route");
        assertThat(log.lines()).containsExactly(
                new Line("info", "SIGHUP: /etc/sockd.conf: reloaded 12 rules"),
                new Line("warn", "SIGHUP: /etc/sockd.route: NOT reloaded (2 errors), the previous rules stay"));
    }

    @Test
    void aPolicyThatThrowsDoesNotStopTheOthers() {
        Reloadable broken = new Reloadable() {
            @Override
            public ReloadResult reload() {
                called.add("broken");
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public String toString() {
                return "broken policy";
            }
        };
        ReloadResult good = new ReloadResult.Reloaded("/etc/sockd.conf", 1);

        assertThat(ReloadAll.run(List.of(broken, answering("conf", good)), log.logger(), "SIGHUP").verdicts()).containsExactly(
                new FileVerdict.Kept("broken policy", "rules", List.of("java.lang.IllegalStateException: disk on fire")),
                new FileVerdict.Loaded("/etc/sockd.conf", "rules", 1));
        assertThat(called).containsExactly("broken", "conf");
        assertThat(log.lines()).first().isEqualTo(new Line("error", "SIGHUP: reloading broken policy failed"));
    }

    @Test
    void withNoPolicyItSaysSo() {
        assertThat(ReloadAll.run(List.of(), log.logger(), "SIGHUP").verdicts()).isEmpty();
        assertThat(log.lines()).containsExactly(new Line("info", "SIGHUP: nothing to reload"));
    }

    @Test
    void theReportReadsALineAFileWithEachErrorBelowItsFile() {
        ReloadReport report = ReloadAll.run(List.of(answering("conf", new ReloadResult.Reloaded("/etc/sockd.conf", 12)),
                answering("route", new ReloadResult.Failed("/etc/sockd.route", List.of("/etc/sockd.route:3: bad")))),
                log.logger(), "sockd:reload");

        assertThat(report.anyFailed()).isTrue();
        assertThat(report).hasToString("""
                /etc/sockd.conf: 12 rules
                /etc/sockd.route: NOT reloaded, previous rules stay:
                  /etc/sockd.route:3: bad""");
        assertThat(log.lines()).first().isEqualTo(new Line("info", "sockd:reload: /etc/sockd.conf: reloaded 12 rules"));
        assertThat(new ReloadReport(List.of())).hasToString("nothing to reload: no Reloadable service is registered");
    }

    @Test
    void aPolicyThatTellsItsFilesVerdictIsReportedByIt() {
        record RouteFile(FileVerdict verdict) implements Reloadable, LoadedFile {
            @Override
            public ReloadResult reload() {
                return new ReloadResult.Reloaded(verdict.file(), 3);
            }
        }
        FileVerdict refused = new FileVerdict.Refused("/etc/sockd.passwd", "users", List.of("/etc/sockd.passwd:2: bad"));
        ReloadReport report = ReloadAll.run(List.of(new RouteFile(new FileVerdict.Loaded("/etc/sockd.route", "routes", 3)),
                new RouteFile(refused)), log.logger(), "SIGHUP");

        assertThat(report).hasToString("""
                /etc/sockd.route: 3 routes
                /etc/sockd.passwd: NOT loaded (1 error):
                  /etc/sockd.passwd:2: bad""");
        assertThat(report.anyFailed()).isTrue();
    }

    private Reloadable answering(String name, ReloadResult result) {
        return () -> {
            called.add(name);
            return result;
        };
    }
}
