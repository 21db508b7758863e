package org.sockd.log.internal;

import java.time.Duration;
import java.util.Locale;

/** How long a session lasted, as the end line writes it: 0s, 42s, 3m05s, 2h00m03s. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
