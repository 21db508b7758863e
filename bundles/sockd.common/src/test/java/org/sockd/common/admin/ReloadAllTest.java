package org.sockd.common.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockd.api.Command;
import org.sockd.api.Endpoint;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.api.admin.ReloadResult;
import org.sockd.api.admin.Reloadable;
import org.sockd.api.admin.SessionRefusal;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.api.admin.SessionState;
import org.sockd.common.testing.FakeCore;
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
    void theCoreCountsEachReloadAsSucceededOnlyWhenEveryFileWasUsed() {
        FakeCore core = new FakeCore(List.of(), List.of(), false);
        ReloadResult good = new ReloadResult.Reloaded("/etc/sockd.conf", 1);
        ReloadResult bad = new ReloadResult.Failed("/etc/sockd.route", List.of("/etc/sockd.route:3: bad"));

        ReloadAll.run(List.of(answering("conf", good), core), log.logger(), "SIGHUP");
        ReloadAll.run(List.of(answering("conf", good), answering("route", bad), core), log.logger(), "SIGHUP");

        assertThat(core.reloads).containsExactly(true, false);
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

    @Test
    void theLiveSessionsComeAfterEveryFileAndOnlyWhenAskedOrSetTo() {
        SessionSnapshot session = new SessionSnapshot(7, new InetSocketAddress("127.0.0.1", 40000), "", null,
                Command.CONNECT, Endpoint.ofAddress(InetAddress.getLoopbackAddress(), 25), SessionState.RELAYING,
                Instant.EPOCH, 0, 0);
        List<SessionRefusal> refused = List.of(new SessionRefusal(session, "refused by /etc/sockd.conf:2: deny 0.0.0.0 0.0.0.0"));
        FakeCore core = new FakeCore(List.of(session), refused, false);
        ReloadResult good = new ReloadResult.Reloaded("/etc/sockd.conf", 1);

        ReloadReport plain = ReloadAll.run(List.of(core, answering("conf", good)), log.logger(), "SIGHUP");
        assertThat(plain.verdicts()).containsExactly(new FileVerdict.Loaded("/etc/sockd.conf", "rules", 1));
        assertThat(plain.revalidated()).isEmpty();
        assertThat(core.revalidations()).isZero();

        ReloadReport forced = ReloadAll.run(List.of(core, answering("conf", good)), log.logger(), "sockd:reload", true);
        assertThat(core.revalidations()).isOne();
        assertThat(forced).hasToString("""
                /etc/sockd.conf: 1 rules
                live sessions revalidated: 1 ended
                  session 7 127.0.0.1:40000 to 127.0.0.1:25: refused by /etc/sockd.conf:2: deny 0.0.0.0 0.0.0.0""");
        assertThat(log.lines()).containsSubsequence(new Line("info", "sockd:reload: /etc/sockd.conf: reloaded 1 rules"),
                new Line("info", "sockd:reload: live sessions revalidated: 1 ended"));

        FakeCore setTo = new FakeCore(List.of(session), refused, true);
        ReloadAll.run(List.of(setTo), log.logger(), "SIGHUP");
        assertThat(setTo.revalidations()).isOne();
        assertThat(log.lines()).contains(new Line("info", "SIGHUP: live sessions revalidated: 1 ended"));
    }

    private Reloadable answering(String name, ReloadResult result) {
        return () -> {
            called.add(name);
            return result;
        };
    }
}
