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
                "from client", "to client"});
        for (SessionSnapshot session : table.sessions()) {
            rows.add(new String[] {String.valueOf(session.id()), AddressText.of(session.client()), orDash(session.user()),
                    orDash(session.ident()), session.command() == null ? "-" : session.command().classicName(),
                    destination(session), session.state().name().toLowerCase(Locale.ROOT),
                    Text.age(session.started(), table.now()), String.valueOf(session.fromClient()),
                    String.valueOf(session.fromTarget())});
        }
        List<String> lines = Text.table(rows, "",
                new boolean[] {true, false, false, false, false, false, false, true, true, true});
        int count = table.sessions().size();
        lines.add(count + (count == 1 ? " live session" : " live sessions"));
        return String.join("\n", lines);
    }

    /** The destination as asked, and the address connected to where that is another: {@code host:443 (192.0.2.7:443)}. */
    private static String destination(SessionSnapshot session) {
        if (session.destination() == null) {
            return "-";
        }
        String asked = AddressText.of(session.destination());
        String connected = session.connected() == null ? asked : AddressText.of(session.connected());
        return connected.equals(asked) ? asked : asked + " (" + connected + ")";
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
