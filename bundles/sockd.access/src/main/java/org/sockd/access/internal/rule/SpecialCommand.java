package org.sockd.access.internal.rule;

import java.util.Objects;

/**
 * A {@code #NO_IDENTD:} or {@code #BAD_ID:} line: a comment for matching, but a shell command
 * to run when an ident check fails. Kept here; running it is the job of a later stage.
 *
 * @param kind which line it is
 * @param line the 1-based line number
 * @param command the text after the prefix, trimmed
 */
public record SpecialCommand(Kind kind, int line, String command) {

    public SpecialCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(command, "command");
    }

    /** The two special lines, recognised only when the line starts with the exact prefix. */
    public enum Kind {
        NO_IDENTD("#NO_IDENTD:"),
        BAD_ID("#BAD_ID:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }
}
