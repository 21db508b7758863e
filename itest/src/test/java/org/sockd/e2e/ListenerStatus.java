package org.sockd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What sockd:status, asked through the admin channel, says of the sessions and of one listener. */
record ListenerStatus(long sessionsSinceStart, long proxyHeadersRefused) {

    private static final Pattern SESSIONS = Pattern.compile("sessions: +\\d+ live, (\\d+) since ");

    /** Asks the daemon's admin channel; the listener must require the PROXY protocol. */
    static ListenerStatus of(Daemon daemon, int listenerPort) throws IOException, InterruptedException {
        ProgramResult status = AdminTools.ctl(daemon.adminSocket(), "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        Matcher sessions = SESSIONS.matcher(status.out());
        Matcher refused = Pattern.compile(Pattern.quote("127.0.0.1:" + listenerPort)
                + " \\(PROXY protocol required: (\\d+) refused\\)").matcher(status.out());
        assertThat(sessions.find() && refused.find()).as(status.out()).isTrue();
        return new ListenerStatus(Long.parseLong(sessions.group(1)), Long.parseLong(refused.group(1)));
    }
}
