package org.sockd.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the commands' formats share: the words for a missing core or policy, ages and aligned
 * columns. Each result is formatted by one class: {@link CheckText}, {@link StatusText},
 * {@link SessionText}.
 */
final class Text {

    static final String NO_POLICY = "no access policy registered: every request is refused";
    static final String NO_CORE = "the core is not running (no SessionRegistry service is registered)";

    private Text() {
    }

    /** @return the time from then to now, to two units: 42s, 3m05s, 2h07m, 5d03h */
    static String age(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /**
     * Aligns the rows in columns two spaces apart, numbers to the right; the last column is not
     * padded so that lines carry no trailing blanks.
     */
    static List<String> table(List<String[]> rows, String indent, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? padding + row[i] : i == row.length - 1 ? row[i] : row[i] + padding);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
