package org.sockd.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.FileVerdict;
import org.sockd.api.admin.LoadedFile;
import org.sockd.common.admin.ReloadReport;

class VerdictsTest {

    private static final FileVerdict RULES = new FileVerdict.Loaded("/etc/sockd.conf", "rules", 12);
    private static final FileVerdict ROUTES = new FileVerdict.Refused("/etc/sockd.route", "routes",
            List.of("/etc/sockd.route:3: Invalid entry", "/etc/sockd.route:4: Invalid entry"));

    @Test
    void everyRegisteredVerdictIsReportedInTheOrderGiven() {
        ReloadReport report = Verdicts.report(List.of(told("sockd.access.sockdconf", RULES), told("sockd.route.file", ROUTES)),
                Map.of("sockd.access.sockdconf", "/etc/sockd.conf", "sockd.route.file", "/etc/sockd.route"));

        assertThat(report.verdicts()).containsExactly(RULES, ROUTES);
        assertThat(report.anyFailed()).isTrue();
    }

    @Test
    void aVerdictNoOneExpectedStillHasItsLine() {
        FileVerdict upstreams = new FileVerdict.Loaded("/etc/socks.conf", "upstreams", 2);
        ReloadReport report = Verdicts.report(List.of(told("sockd.access.sockdconf", RULES), told("sockd.upstream", upstreams)),
                Map.of("sockd.access.sockdconf", "/etc/sockd.conf"));

        assertThat(report).hasToString("/etc/sockd.conf: 12 rules\n/etc/socks.conf: 2 upstreams");
        assertThat(report.anyFailed()).isFalse();
    }

    @Test
    void aConfiguredPolicyThatToldNothingFailsTheStart() {
        ReloadReport report = Verdicts.report(List.of(told("sockd.access.sockdconf", RULES)),
                Map.of("sockd.access.sockdconf", "/etc/sockd.conf", "sockd.auth.passwd", "/etc/sockd.passwd"));

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.toString()).contains("/etc/sockd.passwd: NOT loaded (1 error):\n  /etc/sockd.passwd: not read:"
                + " no sockd.auth.passwd policy started within 30 s");
    }

    private static Map.Entry<String, LoadedFile> told(String component, FileVerdict verdict) {
        return Map.entry(component, () -> verdict);
    }
}
