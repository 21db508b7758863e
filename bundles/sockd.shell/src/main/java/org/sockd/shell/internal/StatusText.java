package org.sockd.shell.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sockd.api.admin.DaemonTotals;

/** How sockd:status and sockd:policies read: the daemon, and the services it runs with. */
final class StatusText {

    private StatusText() {
    }

    static String status(Status status) {
        List<String> lines = new ArrayList<>();
        lines.add("sockd " + status.version() + (status.started() == null ? ", uptime unknown"
                : ", up " + Text.age(status.started(), status.now()) + " since "
                        + status.started().truncatedTo(ChronoUnit.SECONDS)));
        lines.add("listeners: " + (status.listeners().isEmpty() ? "none"
                : String.join(", ", status.listeners().stream().map(StatusText::listener).toList())));
        DaemonTotals totals = status.totals();
        if (totals == null) {
            lines.add("sessions:  unknown: " + Text.NO_CORE);
        } else {
            lines.add("sessions:  " + totals.active() + " live, " + totals.sessions() + " since "
                    + totals.started().truncatedTo(ChronoUnit.SECONDS) + ", at most " + status.sessionCap() + " at once");
            lines.add("bytes:     " + totals.fromClients() + " from clients, " + totals.fromTargets() + " to clients");
        }
        if (status.draining()) {
            lines.add("draining:  " + (totals == null ? "" : totals.active() + " sessions left, ")
                    + "new connections are refused (sockd:undrain takes them again)");
        }
        status.heapShedding().ifPresent(percent -> lines.add("shedding:  new connections are closed: the old "
                + "generation is " + percent + "% full of live data (heap.shed.percent)"));
        lines.add("services:");
        lines.addAll(services(status.services()));
        return String.join("\n", lines);
    }

    private static String listener(ListenerView listener) {
        return listener.address() + (listener.proxyRequired()
                ? " (PROXY protocol required: " + listener.proxyRefused() + " refused)" : "");
    }

    /** Every kind appears, a kind with no service too: the core runs without it (or refuses everything). */
    private static List<String> services(List<RegisteredService> services) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {" ", "kind", "name", "ranking", "service.id", "bundle"}); // " ": room for the mark
        for (ServiceKind kind : ServiceKind.values()) {
            List<RegisteredService> ofKind = services.stream().filter(service -> service.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                rows.add(new String[] {"", kind.title(), kind == ServiceKind.ACCESS_POLICY
                        ? "(none: every request is refused)" : "(none)", "", "", ""});
            }
            for (int i = 0; i < ofKind.size(); i++) {
                RegisteredService service = ofKind.get(i);
                rows.add(new String[] {i == 0 || !kind.onlyPreferredUsed() ? "*" : "", kind.title(), service.name(),
                        String.valueOf(service.ranking()), String.valueOf(service.serviceId()), service.bundle()});
            }
        }
        List<String> lines = Text.table(rows, "  ", new boolean[] {false, false, false, true, true, false});
        lines.add("  * in use: every Authenticator and SessionListener; of the other kinds the highest ranking,"
                + " then the lowest service.id");
        return lines;
    }

    static String policies(List<PolicyService> preferredFirst) {
        if (preferredFirst.isEmpty()) {
            return Text.NO_POLICY;
        }
        int width = Math.max("name".length(),
                preferredFirst.stream().mapToInt(p -> p.service().name().length()).max().orElse(0));
        String row = "%-1s  %-" + width + "s  %7s  %10s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, row, "", "name", "ranking", "service.id", "bundle"));
        for (int i = 0; i < preferredFirst.size(); i++) {
            RegisteredService policy = preferredFirst.get(i).service();
            lines.add(String.format(Locale.ROOT, row, i == 0 ? "*" : "", policy.name(), policy.ranking(),
                    policy.serviceId(), policy.bundle()));
        }
        lines.add("* in use: the highest ranking, then the lowest service.id");
        return String.join("\n", lines);
    }
}
