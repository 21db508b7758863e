package org.sockd.action.internal;

import static org.sockd.common.text.LogText.escape;

import org.slf4j.event.Level;

/**
 * What became of one action, as the administrator reads it in the log. Each text is complete and
 * escaped: it is logged as a parameter, never as a pattern.
 */
sealed interface ActionReport {

    /** @return where the command comes from ({@code sockd.conf:12}) */
    String origin();

    Level level();

    String text();

    /**
     * @param leftRunning how many processes the command left running in the background, killed
     * @param firstLine the first line the command wrote to stdout or stderr, or empty
     */
    record Exited(String origin, long pid, int status, int leftRunning, String firstLine) implements ActionReport {
        public Level level() {
            return status == 0 ? Level.INFO : Level.WARN;
        }

        public String text() {
            String head = "action " + escape(origin) + " (pid " + pid + ") exited " + status
                    + (leftRunning == 0 ? "" : ", killed " + leftRunning + " processes it left running");
            return firstLine.isEmpty() ? head : head + ": " + escape(firstLine);
        }
    }

    /** @param descendants how many processes the command had started, killed with it */
    record TimedOut(String origin, long pid, long seconds, int descendants) implements ActionReport {
        public Level level() {
            return Level.WARN;
        }

        public String text() {
            return "action " + escape(origin) + " (pid " + pid + ") still running after " + seconds
                    + " s: killed it and " + descendants + " processes it started";
        }
    }

    /** The daemon stopped while the command ran. */
    record Stopped(String origin, long pid) implements ActionReport {
        public Level level() {
            return Level.WARN;
        }

        public String text() {
            return "action " + escape(origin) + " (pid " + pid + ") killed: the action runner is stopping";
        }
    }

    /** @param head the first characters of the expanded command */
    record TooLong(String origin, String head) implements ActionReport {
        public Level level() {
            return Level.ERROR;
        }

        public String text() {
            return "shell command too long: " + escape(head) + "... (" + escape(origin) + ", not run)";
        }
    }

    /** @param count how many actions were dropped since the last such report, this one included */
    record Dropped(String origin, long count) implements ActionReport {
        public Level level() {
            return Level.WARN;
        }

        public String text() {
            return "action " + escape(origin) + " not run: too many actions waiting (" + count
                    + " dropped since the last warning)";
        }
    }

    /** @param reason why the shell could not be started, or what went wrong around it */
    record Failed(String origin, String reason) implements ActionReport {
        public Level level() {
            return Level.ERROR;
        }

        public String text() {
            return "action " + escape(origin) + " failed: " + escape(reason);
        }
    }
}
