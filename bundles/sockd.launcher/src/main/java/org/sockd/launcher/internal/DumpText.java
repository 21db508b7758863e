package org.sockd.launcher.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.sockd.common.admin.DumpReport;

/**
 * The lines of the SIGUSR1 dump: what the daemon listens on, the Config Admin configurations it
 * runs with (the command line's values marked), and what {@code sockd:dump} shows (rules, routes,
 * users: the {@link DumpReport}), between {@code config dump begin} and {@code config dump end}.
 */
final class DumpText {

    static final String BEGIN = "config dump begin";
    static final String END = "config dump end";
    private static final Set<String> BOOKKEEPING = Set.of("service.pid", "service.factoryPid", ConfigFiles.FILENAME);

    /**
     * One configuration as its component sees it.
     *
     * @param pid the PID
     * @param source where it came from: a file, or who set it
     * @param properties the properties, with the command line's values applied
     * @param fromFlags the keys whose value the command line set
     */
    record Configured(String pid, String source, Map<String, Object> properties, Set<String> fromFlags) {
        Configured {
            properties = Map.copyOf(properties);
            fromFlags = Set.copyOf(fromFlags);
        }
    }

    private DumpText() {
    }

    /**
     * @param listeners the bound addresses, each with the PID of its configuration where known
     * @param configurations sorted by PID
     */
    static List<String> lines(List<String> listeners, List<Configured> configurations, DumpReport policies) {
        List<String> lines = new ArrayList<>();
        lines.add(BEGIN);
        if (listeners.isEmpty()) {
            lines.add("listening on nothing");
        }
        listeners.forEach(listener -> lines.add("listening on " + listener));
        configurations.forEach(configured -> lines.add(line(configured)));
        lines.addAll(policies.lines());
        lines.add(END);
        return lines.stream().map(DumpText::oneLine).toList();
    }

    /** Each entry is one log line: a control character in a file or a value cannot start another. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static String line(Configured configured) {
        StringJoiner properties = new StringJoiner(", ");
        new TreeMap<>(configured.properties()).forEach((key, value) -> {
            if (!BOOKKEEPING.contains(key)) {
                properties.add(key + "=" + (secret(key) ? "****" : text(value))
                        + (configured.fromFlags().contains(key) ? " (command line)" : ""));
            }
        });
        return "configuration " + configured.pid() + " (" + configured.source() + "): " + properties;
    }

    /** Never log a secret, whichever bundle's configuration holds it. */
    private static boolean secret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret");
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            StringJoiner elements = new StringJoiner(",", "[", "]");
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(String.valueOf(Array.get(value, i)));
            }
            return elements.toString();
        }
        return String.valueOf(value);
    }
}
