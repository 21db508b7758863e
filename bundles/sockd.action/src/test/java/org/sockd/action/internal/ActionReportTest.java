package org.sockd.action.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class ActionReportTest {

    @Test
    void aCleanExitIsInfoWithTheFirstLineOfOutput() {
        ActionReport report = new ActionReport.Exited("sockd.conf:12", 77, 0, 0, "mail sent");
        assertThat(report.level()).isEqualTo(Level.INFO);
        assertThat(report.text()).isEqualTo("action sockd.conf:12 (pid 77) exited 0: mail sent");
    }

    @Test
    void aFailedExitIsAWarningAndNoOutputMeansNoColon() {
        ActionReport report = new ActionReport.Exited("sockd.conf #BAD_ID:", 78, 3, 0, "");
        assertThat(report.level()).isEqualTo(Level.WARN);
        assertThat(report.text()).isEqualTo("action sockd.conf #BAD_ID: (pid 78) exited 3");
    }

    @Test
    void processesLeftRunningAreCountedBeforeTheOutput() {
        ActionReport report = new ActionReport.Exited("sockd.conf:12", 77, 0, 2, "started");
        assertThat(report.text()).isEqualTo("action sockd.conf:12 (pid 77) exited 0, killed 2 processes it left running: started");
    }

    @Test
    void aTooLongCommandIsAnErrorShowingItsHead() {
        ActionReport report = new ActionReport.TooLong("sockd.conf:3", "echo xxxxxxxxxxxxxxxxxxxxxxxxx");
        assertThat(report.level()).isEqualTo(Level.ERROR);
        assertThat(report.text()).isEqualTo("shell command too long: echo xxxxxxxxxxxxxxxxxxxxxxxxx... (sockd.conf:3, not run)");
    }

    @Test
    void noReportCarriesAControlCharacter() {
        String hostile = "x\nJun 22 18:24:54 eon sockd[1]: connected\u001b[2J";
        List<ActionReport> reports = List.of(
                new ActionReport.Exited(hostile, 1, 0, 2, hostile),
                new ActionReport.TimedOut(hostile, 1, 30, 2),
                new ActionReport.Stopped(hostile, 1),
                new ActionReport.TooLong(hostile, hostile),
                new ActionReport.Dropped(hostile, 5),
                new ActionReport.Failed(hostile, hostile));
        assertThat(reports).allSatisfy(report -> assertThat(report.text())
                .doesNotContain("\n", "\u001b").contains("x\\x0aJun 22"));
    }
}
