package org.sockd.common.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockd.api.admin.Dumpable;

/** The one dump path: sockd:dump prints the report, SIGUSR1 logs its lines. */
class DumpReportTest {

    @Test
    void eachServicesTitleThenItsLinesAndOneThatFailsDoesNotHideTheOthers() {
        Dumpable failing = new Dumpable() {
            @Override
            public String title() {
                return "routes from /etc/sockd.route";
            }

            @Override
            public List<String> dump() {
                throw new IllegalStateException("not read yet");
            }
        };

        DumpReport report = DumpReport.of(List.of(
                new FixedDumpable("rules from /etc/sockd.conf", List.of("permit 10.0.0.0 255.0.0.0", "deny 0.0.0.0 0.0.0.0")),
                failing, new FixedDumpable("users", List.of())));

        assertThat(report).hasToString("""
                rules from /etc/sockd.conf:
                  permit 10.0.0.0 255.0.0.0
                  deny 0.0.0.0 0.0.0.0
                routes from /etc/sockd.route: could not be shown: java.lang.IllegalStateException: not read yet
                users:""");
        assertThat(report.lines()).hasSize(5).endsWith("users:");
    }

    @Test
    void aServiceWhoseTitleFailsIsNamedAsItNamesItself() {
        Dumpable nameless = new Dumpable() {
            @Override
            public String title() {
                throw new IllegalStateException("no title");
            }

            @Override
            public List<String> dump() {
                return List.of("entry");
            }

            @Override
            public String toString() {
                return "nameless service";
            }
        };

        assertThat(DumpReport.of(List.of(nameless)).lines()).containsExactly("nameless service:", "  entry");
    }

    @Test
    void nothingToDumpIsSaid() {
        assertThat(DumpReport.of(List.of())).hasToString("nothing to dump: no Dumpable service is registered");
        assertThat(DumpReport.of(List.of()).lines()).isEmpty();
    }

    @Test
    void servicesAreListedInTheOrderTheyWereRegistered() {
        List<Map.Entry<Map<String, Object>, String>> services = List.of(
                Map.entry(Map.of("service.id", 9L, "service.ranking", 5), "late"),
                Map.entry(Map.of("service.id", 3L), "early"));

        assertThat(RegistrationOrder.of(services)).containsExactly("early", "late");
    }
}
