package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.Dumpable;
import org.sockd.common.admin.DumpReport;
import org.sockd.common.admin.FixedDumpable;

class DumpTextTest {

    @Test
    void listenersConfigurationsAndDumpablesBetweenBeginAndEnd() {
        List<String> lines = DumpText.lines(List.of("127.0.0.1:1080 (sockd.listener~default)"),
                List.of(new DumpText.Configured("sockd.access.sockdconf", "/opt/sockd/config/sockd.access.sockdconf.cfg",
                        Map.of("file", "/etc/sockd.conf", "ident.mode", "OFF", "service.pid", "sockd.access.sockdconf",
                                "felix.fileinstall.filename", "file:/opt/sockd/config/sockd.access.sockdconf.cfg"),
                        Set.of("file")),
                        new DumpText.Configured("sockd.core", "set at run time",
                                Map.of("auth.preference", new int[] {2, 0}, "max.sessions", 10), Set.of())),
                policies(new FixedDumpable("rules from /etc/sockd.conf", List.of("1: permit 127.0.0.0 255.0.0.0"))));

        assertThat(lines).containsExactly(
                "config dump begin",
                "listening on 127.0.0.1:1080 (sockd.listener~default)",
                "configuration sockd.access.sockdconf (/opt/sockd/config/sockd.access.sockdconf.cfg): "
                        + "file=/etc/sockd.conf (command line), ident.mode=OFF",
                "configuration sockd.core (set at run time): auth.preference=[2,0], max.sessions=10",
                "rules from /etc/sockd.conf:",
                "  1: permit 127.0.0.0 255.0.0.0",
                "config dump end");
    }

    @Test
    void noListenerIsSaidAndSecretsAreNotShown() {
        List<String> lines = DumpText.lines(List.of(),
                List.of(new DumpText.Configured("sockd.example", "set at run time",
                        Map.of("bind.password", "hunter2", "api.secret", "s3"), Set.of())),
                policies());

        assertThat(lines).contains("listening on nothing",
                "configuration sockd.example (set at run time): api.secret=****, bind.password=****");
        assertThat(String.join("\n", lines)).doesNotContain("hunter2", "s3");
    }

    @Test
    void aFailingDumpableIsReportedAndTheOthersStillShow() {
        Dumpable broken = new FixedDumpable("broken", null);

        List<String> lines = DumpText.lines(List.of(), List.of(), policies(broken, new FixedDumpable("routes", List.of("r1"))));

        assertThat(lines).anyMatch(line -> line.startsWith("broken: could not be shown: "));
        assertThat(lines).contains("routes:", "  r1", "config dump end");
    }

    @Test
    void aControlCharacterCannotStartAnotherLogLine() {
        List<String> lines = DumpText.lines(List.of(), List.of(),
                policies(new FixedDumpable("users", List.of("alice\nconfig dump end\u001b[2J"))));

        assertThat(lines).contains("  alice\\x0aconfig dump end\\x1b[2J");
        assertThat(lines).filteredOn("config dump end"::equals).hasSize(1);
    }

    private static DumpReport policies(Dumpable... dumpables) {
        return DumpReport.of(List.of(dumpables));
    }
}
