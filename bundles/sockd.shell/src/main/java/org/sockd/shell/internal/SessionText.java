package org.sockd.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sockd.api.admin.SessionSnapshot;
import org.sockd.common.net.AddressText;
import org.sockd.common.text.LogText;

/** How sockd:sessions and sockd:kill read. What a client sent is escaped for the terminal. */
final class SessionText {

    private SessionText() {
    }

    static String sessions(SessionTable table) {
        if (table.sessions().isEmpty()) {
            return "no live sessions";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "client", "user", "ident", "command", "destination", "state", "age",
                "from client", "to client", "connected"});
        for (SessionSnapshot session : table.sessions()) {
            rows.add(new String[] {String.valueOf(session.id()), AddressText.of(session.client()), orDash(session.user()),
                    orDash(session.ident()), session.command() == null ? "-" : session.command().classicName(),
                    session.destination() == null ? "-" : AddressText.of(session.destination()), session.state().name().toLowerCase(Locale.ROOT),
                    Text.age(session.started(), table.now()), String.valueOf(session.fromClient()),
                    String.valueOf(session.fromTarget()),
                    session.connected() == null ? "-" : AddressText.of(session.connected())});
        }
        List<String> lines = Text.table(rows, "",
                new boolean[] {true, false, false, false, false, false, false, true, true, true, false});
        int count = table.sessions().size();
        lines.add(count + (count == 1 ? " live session" : " live sessions"));
        return String.join("\n", lines);
    }

    static String kill(KillReport report) {
        SessionSnapshot session = report.session();
        return "closed session " + session.id() + ": " + AddressText.of(session.client())
                + (session.destination() == null ? "" : " to " + AddressText.of(session.destination()))
                + (session.command() == null ? "" : " (" + session.command().classicName() + ")");
    }

    /** Client-supplied text, made safe for a terminal. */
    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : LogText.escape(text);
    }
}
